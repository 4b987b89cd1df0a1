#!/usr/bin/env bash
# libjpeg-turbo for the Windows build: the source Debian ships (the same release as Linux's
# libturbojpeg0-dev), checked against its SHA-256, cross-compiled with mingw-w64 and nasm (SIMD)
# as a static library, once per machine. Prints the folder to give cgo (include/ and lib/).
set -euo pipefail
version=2.1.5
sha256=254f3642b04e309fee775123133c6464181addc150499561020312ec61c1bf7c
url=http://deb.debian.org/debian/pool/main/libj/libjpeg-turbo/libjpeg-turbo_$version.orig.tar.gz
prefix=${XDG_CACHE_HOME:-$HOME/.cache}/recoverydesk/mingw-libjpeg-turbo-$version
if [ -f "$prefix/lib/libturbojpeg.a" ] && [ -f "$prefix/include/turbojpeg.h" ]; then
	echo "$prefix"
	exit 0
fi
for t in cmake nasm x86_64-w64-mingw32-gcc curl; do
	command -v $t >/dev/null || { echo "mingw-libjpeg-turbo: $t is missing: run make deps" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -fsS -o "$work/src.tar.gz" "$url" || { echo "mingw-libjpeg-turbo: cannot download $url" >&2; exit 1; }
echo "$sha256  $work/src.tar.gz" | sha256sum -c --quiet - >&2 || { echo "mingw-libjpeg-turbo: $url is not the release it should be" >&2; exit 1; }
tar -xzf "$work/src.tar.gz" -C "$work"
cat >"$work/mingw.cmake" <<'TOOLCHAIN'
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR AMD64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
TOOLCHAIN
cmake -S "$work/libjpeg-turbo-$version" -B "$work/build" -DCMAKE_TOOLCHAIN_FILE="$work/mingw.cmake" \
	-DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$work/out" -DENABLE_SHARED=OFF -DENABLE_STATIC=ON \
	-DWITH_TURBOJPEG=ON -DWITH_SIMD=ON -DWITH_JAVA=OFF -DREQUIRE_SIMD=ON >"$work/cmake.log" 2>&1 ||
	{ cat "$work/cmake.log" >&2; exit 1; }
cmake --build "$work/build" -j "$(nproc)" --target turbojpeg-static >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; exit 1; }
mkdir -p "$work/out/lib" "$work/out/include"
cp "$work/build/libturbojpeg.a" "$work/out/lib/"
cp "$work/libjpeg-turbo-$version/turbojpeg.h" "$work/out/include/"
cp "$work/libjpeg-turbo-$version/LICENSE.md" "$work/out/"
mkdir -p "$(dirname "$prefix")"
rm -rf "$prefix"
mv "$work/out" "$prefix"
echo "$prefix"
