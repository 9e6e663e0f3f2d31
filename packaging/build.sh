#!/usr/bin/env bash
# Build ProofPair's installable artifacts from a checkout, in one command:
#
#   packaging/build.sh
#
#   dist/proofpair/                        one-folder PyInstaller bundle (run dist/proofpair/proofpair)
#   dist/proofpair_<version>_<arch>.deb    Debian/Ubuntu package: the bundle in /opt/proofpair,
#                                          /usr/bin/proofpair, desktop entry, icons, AppStream
#                                          metainfo and the *.proofpair MIME type
#
# Environment:
#   PYTHON          the interpreter to build with (default: python3). It needs the project's
#                   dependencies and PyInstaller; whatever of pyproject.toml's dependencies and
#                   [bundle] extra it lacks is pip-installed into it (the project itself is taken
#                   from this checkout, not from site-packages).
#   CI=true         fast .deb compression (gzip -1) instead of xz.
#   DEB_MAINTAINER  the Maintainer field of the .deb.
set -euo pipefail
umask 022

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-python3}
BUILD=build/packaging
DIST=dist
APP_ID=se.proofpair.ProofPair
DEB_MAINTAINER=${DEB_MAINTAINER:-"ProofPair developers <noreply@proofpair.invalid>"}
# System libraries the bundle loads from the machine (GL/EGL are never bundled; the rest is
# only bundled when the build machine has it, so the package asks for all of them).
DEB_DEPENDS="libegl1, libgl1, libfontconfig1, libfreetype6, libx11-6, libx11-xcb1, \
libxkbcommon0, libxkbcommon-x11-0, libdbus-1-3, libglib2.0-0, libxcb1, libxcb-cursor0, \
libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-xinerama0, libxcb-randr0, \
libxcb-render-util0, libxcb-image0, libxcb-xkb1, libxcb-sync1, libxcb-xfixes0, libxcb-shm0, \
libwayland-client0, libwayland-cursor0, libwayland-egl1, fonts-dejavu-core | fonts-freefont-ttf | fonts-liberation2"

# Optional system components: Tesseract reads scanned editions (image-only PDFs, page images);
# Hunspell dictionaries tell a misread from a word of the document's language (none: that
# evidence is left out).
DEB_RECOMMENDS="tesseract-ocr, tesseract-ocr-eng, hunspell-en-us, hunspell-sv, hunspell-de-de"
DEB_SUGGESTS="tesseract-ocr-swe, tesseract-ocr-deu"

say() { printf '\n== %s\n' "$*"; }
started=$SECONDS

command -v "$PYTHON" >/dev/null 2>&1 || { echo "build.sh: no interpreter '$PYTHON' (set PYTHON)" >&2; exit 1; }

say "Python and build tools ($("$PYTHON" -c 'import sys; print(sys.executable)'))"
# The requirements of pyproject.toml (dependencies + the [bundle] extra) this Python does not
# satisfy, versions included: the bundle must hold what the project pins.
mapfile -t missing < <("$PYTHON" - <<'EOF'
import importlib.metadata as md, tomllib
try:
    from packaging.requirements import Requirement
except ImportError:
    from pip._vendor.packaging.requirements import Requirement
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
for text in project["dependencies"] + project["optional-dependencies"]["bundle"]:
    req = Requirement(text)
    if req.marker is not None and not req.marker.evaluate():
        continue
    try:
        if req.specifier.contains(md.version(req.name), prereleases=True):
            continue
    except md.PackageNotFoundError:
        pass
    print(text)
EOF
)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing into $PYTHON: ${missing[*]}"
  "$PYTHON" -m pip install -q --disable-pip-version-check "${missing[@]}"
fi
VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture 2>/dev/null || uname -m)
echo "ProofPair $VERSION for $ARCH"

say "Icons"
rm -rf "$BUILD/icons"
QT_QPA_PLATFORM=offscreen "$PYTHON" packaging/render_icons.py "$BUILD/icons" 16 32 48 64 128 256 >/dev/null
ls "$BUILD/icons"

say "PyInstaller bundle -> $DIST/proofpair/"
rm -rf "$DIST/proofpair"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$BUILD/pyinstaller" packaging/proofpair.spec
[ -x "$DIST/proofpair/proofpair" ] || { echo "build.sh: the bundle has no executable" >&2; exit 1; }
echo "bundle: $(du -sh "$DIST/proofpair" | cut -f1)"

if ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "build.sh: dpkg-deb not found: built the bundle only, no .deb" >&2
  exit 0
fi

say "Debian package"
pkg="$BUILD/deb/proofpair_${VERSION}_${ARCH}"
rm -rf "$BUILD/deb"
mkdir -p "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
  "$pkg/usr/share/metainfo" "$pkg/usr/share/mime/packages" "$pkg/usr/share/doc/proofpair" \
  "$pkg/usr/share/icons/hicolor/scalable/apps"
cp -a "$DIST/proofpair" "$pkg/opt/proofpair"
ln -s /opt/proofpair/proofpair "$pkg/usr/bin/proofpair"
install -m 644 "packaging/linux/$APP_ID.desktop" "$pkg/usr/share/applications/"
install -m 644 "packaging/linux/$APP_ID.metainfo.xml" "$pkg/usr/share/metainfo/"
install -m 644 packaging/linux/proofpair.xml "$pkg/usr/share/mime/packages/proofpair.xml"
install -m 644 resources/icons/proofpair.svg "$pkg/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for n in 16 32 48 64 128 256; do
  mkdir -p "$pkg/usr/share/icons/hicolor/${n}x${n}/apps"
  install -m 644 "$BUILD/icons/proofpair-$n.png" "$pkg/usr/share/icons/hicolor/${n}x${n}/apps/$APP_ID.png"
done
cat > "$pkg/usr/share/doc/proofpair/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: ProofPair
Comment: /opt/proofpair bundles Python, Qt for Python (PySide6, LGPL-3.0) and the Python
 packages ProofPair depends on; their licences ship with them inside the bundle.

Files: *
Copyright: ProofPair developers
License: MIT
EOF
# no postinst/postrm: dpkg file triggers (desktop-file-utils, shared-mime-info, hicolor-icon-theme)
# refresh the desktop, MIME and icon caches for the files this package installs
installed_kb=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
# The newest glibc symbol version a bundled binary asks for is the oldest libc6 it runs on.
glibc=$("$PYTHON" - "$DIST/proofpair" <<'EOF'
import pathlib, re, sys
need = {(2, 17)}
for f in pathlib.Path(sys.argv[1]).rglob("*"):
    if f.is_file() and not f.is_symlink():
        data = f.read_bytes()
        if data[:4] == b"\x7fELF":
            need.update((2, int(m)) for m in re.findall(rb"GLIBC_2\.([0-9]+)", data))
print("%d.%d" % max(need))
EOF
)
DEB_DEPENDS="libc6 (>= $glibc), $DEB_DEPENDS"
cat > "$pkg/DEBIAN/control" <<EOF
Package: proofpair
Version: $VERSION
Architecture: $ARCH
Maintainer: $DEB_MAINTAINER
Installed-Size: $installed_kb
Depends: $DEB_DEPENDS
Recommends: $DEB_RECOMMENDS
Suggests: $DEB_SUGGESTS
Section: text
Priority: optional
Description: reconcile two editions of a report, difference by difference
 ProofPair compares an OCR'd edition of a report with its digital text section by
 section, classifies every difference (OCR misreading, typography, layout, content)
 and lets the editor accept, reject or edit each one, leaving one canonical text,
 a decision log and a saved session.
 .
 This package ships a self-contained build (Python and Qt included) in /opt/proofpair.
EOF
chmod -R u+rwX,go+rX,go-w "$pkg"

rm -f "$DIST"/proofpair_*.deb
deb="$DIST/proofpair_${VERSION}_${ARCH}.deb"
if [ "${CI:-}" = "true" ]; then
  compression=(-Zgzip -z1)
else
  compression=(-Zxz -z6)
fi
dpkg-deb --root-owner-group "${compression[@]}" --build "$pkg" "$deb" >/dev/null
rm -rf "$BUILD/deb"
echo "package: $deb ($(du -h "$deb" | cut -f1), ${compression[*]})"

say "Built in $((SECONDS - started)) s"
