/*
 * For the Windows tests only, never shipped: Debian's Wine 8.0 lacks bcryptprimitives.dll, whose
 * ProcessPrng every Go program since Go 1.22 loads from System32 at start. Windows 10 and later
 * have it; this stand-in gives Wine the same function over RtlGenRandom (advapi32's
 * SystemFunction036), which Wine has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
