#!/usr/bin/env bash
# Checks the Windows package from Linux, where it cannot run: the exe is a 64-bit x86 PE file
# for the GUI subsystem, carries its icon and version, and every DLL it imports is either part
# of Windows itself or ships beside it (and then the same holds for that DLL's imports).
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "check-windows: $*" >&2; exit 1; }

# DLLs every Windows 10 / Server 2016 and later has in System32. Add one only after checking it
# is part of Windows itself, not of a runtime or a driver package a user would have to install.
SYSTEM_DLLS="advapi32.dll bcrypt.dll bcryptprimitives.dll comctl32.dll comdlg32.dll crypt32.dll
dwmapi.dll gdi32.dll imm32.dll kernel32.dll msvcrt.dll ntdll.dll ole32.dll oleaut32.dll
opengl32.dll powrprof.dll setupapi.dll shell32.dll shlwapi.dll user32.dll userenv.dll
uxtheme.dll version.dll winmm.dll ws2_32.dll"

version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
name=$(sed -n 's/^Name *= *"\(.*\)"/\1/p' FyneApp.toml)
dir=${1:-dist/$name-$version-windows-amd64} # what package-windows.sh leaves
exe="$dir/$name.exe"
[ -f "$exe" ] || fail "$exe is missing"
[ -f "$dir.zip" ] || fail "$dir.zip is missing"
[ -f "$dir/README.txt" ] || fail "$dir/README.txt is missing"
[ -n "$(ls -A "$dir/licenses" 2>/dev/null)" ] || fail "$dir/licenses is empty"
[ -f "$dir/licenses/github.com/gen2brain/heic/LICENSE.libheif" ] || fail "libheif's licence is missing from $dir/licenses"
[ -f "$dir/licenses/libjpeg-turbo.md" ] || fail "libjpeg-turbo's licence is missing from $dir/licenses"
[ -f "$dir/licenses/pdfium.txt" ] && [ -f "$dir/licenses/pdfium-third-party/freetype.txt" ] ||
	fail "PDFium's licences are missing from $dir/licenses"

what=$(file -b "$exe")
case "$what" in
"PE32+ executable (GUI) x86-64"*) ;;
*) fail "$exe is \"$what\", want a PE32+ GUI x86-64 executable" ;;
esac
head=$(x86_64-w64-mingw32-objdump -f "$exe")
grep -q 'file format pei-x86-64' <<<"$head" || fail "objdump -f: not pei-x86-64: $head"
grep -q 'architecture: i386:x86-64' <<<"$head" || fail "objdump -f: not x86-64: $head"
private=$(x86_64-w64-mingw32-objdump -p "$exe")
grep -Eq '^Subsystem[[:space:]]+0+2[[:space:]]+\(Windows GUI\)' <<<"$private" ||
	fail "the subsystem is not Windows GUI: $(grep '^Subsystem' <<<"$private")"

# The resources: an icon and the version from FyneApp.toml (UTF-16 strings in .rsrc).
grep -q '^The \.rsrc Resource Directory section' <<<"$private" || fail "$exe has no resources (icon, version)"
strings -el "$exe" | grep -qx "$version\.[0-9]*" || fail "$exe does not carry version $version"

# Imported DLLs, followed into any DLL shipped beside the exe.
checked="" todo="$exe" shipped=""
while [ -n "$todo" ]; do
	f=${todo%% *}
	todo=${todo#"$f"}
	todo=${todo# }
	for dll in $(x86_64-w64-mingw32-objdump -p "$f" | sed -n 's/^[[:space:]]*DLL Name: //p' | tr 'A-Z' 'a-z' | tr -d '\r'); do
		case " $checked " in *" $dll "*) continue ;; esac
		checked="$checked $dll"
		if grep -qwF -- "$dll" <<<"$SYSTEM_DLLS"; then
			echo "  $dll (Windows)"
			continue
		fi
		beside=$(find "$dir" -maxdepth 1 -iname "$dll" | head -1)
		[ -n "$beside" ] || fail "$(basename "$f") imports $dll, which is neither a Windows system DLL nor shipped in $dir"
		echo "  $dll (shipped)"
		shipped="$shipped $dll"
		todo="$todo $beside"
	done
done
echo "check-windows: $exe: $what, $(stat -c %s "$exe") bytes, ${shipped:+shipped DLLs:$shipped, }imports only Windows system DLLs otherwise"
