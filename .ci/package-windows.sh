#!/usr/bin/env bash
# The Windows build, cross-compiled from Linux with mingw-w64: dist/NAME-VERSION-windows-amd64/
# (ready to unzip and run) and the same folder as a .zip. The icon, the name and the version come
# from FyneApp.toml, as for the Linux package. The exe is linked as a GUI program (no console
# window on a double click) and statically against mingw's runtime, so no DLL ships beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
TAGS=${TAGS:-sqlite_fts5,migrated_fynedo,nodynamic}

toml() { sed -n "s/^$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" FyneApp.toml | head -1; }
name=$(toml Name) version=$(toml Version) build=$(toml Build)
[ -n "$name" ] && [ -n "$version" ] && [ -n "$build" ] || { echo "FyneApp.toml lacks Name, Version or Build" >&2; exit 1; }
winver="$version.$build"                      # Windows wants four numbers: 0.1.0.1
out="dist/$name-$version-windows-amd64"
syso=cmd/recoverydesk/rsrc_windows_amd64.syso # only a Windows build links it
trap 'rm -f "$syso"' EXIT

start=$(date +%s)
# Icon (every size Explorer asks for, made from Icon.png), the GUI manifest (DPI awareness,
# modern controls) and the version shown in the file's Properties.
$GO run github.com/tc-hib/go-winres@v0.3.3 simply --arch amd64 --out cmd/recoverydesk/rsrc \
	--icon Icon.png --manifest gui --product-name "$name" --file-description "$name" \
	--original-filename "$name.exe" --product-version "$winver" --file-version "$winver"

# libjpeg-turbo, cross-compiled once per machine, so photos are prepared as fast as on Linux.
jpeg=$(bash .ci/mingw-libjpeg-turbo.sh)

rm -rf "$out" "$out.zip"
mkdir -p "$out"
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
	CGO_CFLAGS="-O2 -g -I$jpeg/include" CGO_LDFLAGS="-O2 -g -L$jpeg/lib" \
	$GO build -tags "$TAGS,turbojpeg" -ldflags "-s -w -H=windowsgui -extldflags=-static" -o "$out/$name.exe" ./cmd/recoverydesk

# What a person reads first, in Windows line endings so every Notepad shows it right.
sed "s/@NAME@/$name/g; s/@VERSION@/$version/g; s/\$/\r/" .ci/windows-readme.txt >"$out/README.txt"

# The licences of everything linked into the exe: each Go module it was built from, and the
# mingw-w64 runtime and GCC support code linked in statically.
lic="$out/licenses"
mkdir -p "$lic"
"$GO" version -m "$out/$name.exe" | awk '$1 == "dep" || $1 == "=>" { print $2 "@" $3 }' | while read -r mod; do
	dir=$("$GO" mod download -json "$mod" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
	found=0
	for f in "$dir"/LICENSE* "$dir"/LICENCE* "$dir"/COPYING* "$dir"/NOTICE*; do
		[ -f "$f" ] || continue
		mkdir -p "$lic/${mod%@*}" && cp "$f" "$lic/${mod%@*}/" && found=1
	done
	[ $found = 1 ] || { echo "no licence file found for $mod" >&2; exit 1; }
done
# The HEIC decoder carries libheif and libde265 compiled to WebAssembly (LGPL-3.0); their
# licences sit in its lib folder, beside the C source and Makefile the module is built from.
heic=$("$GO" list -m -f '{{.Dir}}' github.com/gen2brain/heic)
cp "$heic"/lib/LICENSE.libheif "$heic"/lib/LICENSE.libde265 "$lic/github.com/gen2brain/heic/"
cp casefile/dossier/fonts/LICENSE "$lic/DejaVu-fonts.txt"
cp "$jpeg/LICENSE.md" "$lic/libjpeg-turbo.md"
# PDFium, inside go-pdfium's WebAssembly module, and the libraries compiled into that module
# with it (their licences as Debian records them for its own packages of the same libraries).
cp .ci/licenses/pdfium.txt "$lic/pdfium.txt"
mkdir -p "$lic/pdfium-third-party"
cp .ci/licenses/pdfium-third-party/*.txt "$lic/pdfium-third-party/"
cp /usr/share/doc/mingw-w64-common/copyright "$lic/mingw-w64-runtime.txt"
cp /usr/share/doc/gcc-mingw-w64-base/copyright "$lic/gcc-runtime-library-exception.txt"
cp "$($GO env GOROOT)/LICENSE" "$lic/go.txt"

(cd dist && zip -q -r -X "$(basename "$out").zip" "$(basename "$out")")
echo "$out/$name.exe: $(stat -c %s "$out/$name.exe") bytes; $out.zip: $(stat -c %s "$out.zip") bytes; $(($(date +%s) - start)) s"
