#!/usr/bin/env bash
# Builds Workshop Desk for Linux from a clean clone, then smoke-tests it:
#   dist/workshop-desk/                    the frozen app (PyInstaller, one folder)
#   dist/workshop-desk_VERSION_amd64.deb   the Debian package (app under /opt/workshop-desk, /usr/bin/workshop-desk,
#                                          a menu entry with the icon, .wdesk files opened by a double-click)
#
#   bash packaging/build.sh [--no-deb] [--no-smoke]
#
# Missing build tools and the Qt runtime libraries are installed with apt-get (sudo when not root). The build's
# Python environment is build/venv (BUILD_VENV=DIR to use another one); PyInstaller is not a dependency of the app.
# Nothing is written outside build/ and dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ left in the repository
make_deb=1 smoke=1
for arg in "$@"; do
    case "$arg" in
        --no-deb) make_deb=0 ;;
        --no-smoke) smoke=0 ;;
        *) echo "usage: bash packaging/build.sh [--no-deb] [--no-smoke]" >&2; exit 2 ;;
    esac
done
started=$SECONDS
say() { printf '\n=== %s (%d s)\n' "$*" $((SECONDS - started)); }

# The libraries Qt's xcb (X11) and Wayland platform plugins and the sound of the bell load from the system: the .deb
# declares them (worked out below with ldd), and the build machine needs them to check and smoke-test the app.
QT_RUNTIME_PACKAGES=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
    libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 libx11-xcb1 libegl1 libgl1
    libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libwayland-client0 libwayland-cursor0 libwayland-egl1
    libpulse0)
BUILD_TOOLS=(binutils)  # PyInstaller reads binaries with objdump; dpkg-deb comes with dpkg

install_missing() {
    local need=() package
    for package in "$@"; do
        [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" = installed ] || need+=("$package")
    done
    ((${#need[@]})) || return 0
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing ${need[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

say "build tools and Qt runtime libraries"
install_missing "${BUILD_TOOLS[@]}" "${QT_RUNTIME_PACKAGES[@]}"
python3 -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'

say "build environment"
venv="${BUILD_VENV:-$ROOT/build/venv}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
mkdir -p build
"$venv/bin/python" packaging/requirements.py >build/requirements.txt
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r build/requirements.txt
version="$("$venv/bin/python" -c 'import workshop_desk; print(workshop_desk.__version__)')"
echo "Workshop Desk $version, $("$venv/bin/python" -m PyInstaller --version | sed 's/^/PyInstaller /')"

say "icons"
"$venv/bin/python" packaging/make_icons.py build/icons

say "frozen app (PyInstaller, one folder)"
rm -rf dist/workshop-desk
"$venv/bin/python" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/workshop-desk.spec
app_dir="$ROOT/dist/workshop-desk"
du -sh "$app_dir"

say "system libraries the frozen app needs"
# Every ELF file of the bundle, resolved the way the frozen app resolves them (its own folders first): a library
# found nowhere fails the build. The libraries the bundle links directly but does not carry are declared by their
# Debian packages (what those need in turn comes with them), and libc6 by the newest glibc symbol version used.
lib_dirs="$(find "$app_dir" -name '*.so*' -type f -printf '%h\n' | sort -u | paste -sd:)"
bundled="$(find "$app_dir" -name '*.so*' -printf '%f\n' | sort -u)"
: >build/needed.txt
: >build/glibc.txt
missing=""
while IFS= read -r -d '' elf; do
    [ "$(head -c 4 "$elf" | tail -c 3)" = ELF ] || continue
    out="$(LD_LIBRARY_PATH="$lib_dirs" ldd "$elf" 2>/dev/null || true)"
    missing+="$(grep 'not found' <<<"$out" | sed "s|^[[:space:]]*|${elf#"$app_dir"/}: |" || true)"$'\n'
    dump="$(objdump -p -T "$elf" 2>/dev/null || true)"
    awk '$1 == "NEEDED" {print $2}' <<<"$dump" >>build/needed.txt
    grep -oE 'GLIBC_[0-9]+\.[0-9]+(\.[0-9]+)?' <<<"$dump" >>build/glibc.txt || true
done < <(find "$app_dir" -type f \( -name '*.so*' -o -path "$app_dir/workshop-desk" \) -print0)
if [ -n "${missing//$'\n'/}" ]; then
    echo "libraries found neither in the bundle nor on this system:" >&2
    grep -v '^$' <<<"$missing" | sort -u >&2
    exit 1
fi
: >build/system-libraries.txt
cache="$(ldconfig -p)"  # read once, whole: a pipe closed early would fail the build under pipefail
while read -r name; do
    grep -qxF "$name" <<<"$bundled" && continue
    case "$name" in ld-linux*|libc.so*|libm.so*|libdl.so*|libpthread.so*|librt.so*|libutil.so*|libresolv.so*) continue ;; esac
    path="$(awk -v n="$name" '$1 == n && /x86-64/ && !found {print $NF; found = 1}' <<<"$cache")"
    [ -n "$path" ] || { echo "the system library $name is not in ldconfig's cache" >&2; exit 1; }
    echo "$path" >>build/system-libraries.txt
done < <(sort -u build/needed.txt)
glibc="$(sed 's/GLIBC_//' build/glibc.txt | sort -uV | tail -1)"
owner() {  # the Debian package of a library, by the path ldd gave or its real path (merged /usr or not)
    local candidate path package
    for candidate in "$1" "$(readlink -f "$1")"; do
        for path in "$candidate" "${candidate#/usr}" "/usr$candidate"; do
            package="$(dpkg -S "$path" 2>/dev/null | awk -F: 'NR == 1 {print $1}' || true)"
            [ -z "$package" ] || { echo "$package"; return 0; }
        done
    done
    echo "UNOWNED:$1"
}
depends="$(while read -r library; do owner "$library"; done <build/system-libraries.txt | sort -u | paste -sd,)"
if [[ "$depends" == *UNOWNED:* ]]; then
    echo "no Debian package owns: $(tr , '\n' <<<"$depends" | grep UNOWNED: | cut -d: -f2- | paste -sd' ')" >&2
    exit 1
fi
depends="${depends//,/, }"
[ -n "$depends" ] || { echo "could not work out the package's dependencies" >&2; exit 1; }
depends="libc6 (>= $glibc), $depends"
echo "Depends: $depends"

if ((make_deb)); then
    say "Debian package"
    stage="$ROOT/build/deb/root"
    rm -rf "$ROOT/build/deb"
    mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
        "$stage/usr/share/mime/packages" "$stage/usr/share/icons/hicolor/scalable/apps" \
        "$stage/usr/share/icons/hicolor/scalable/mimetypes" "$stage/usr/share/doc/workshop-desk"
    cp -a "$app_dir" "$stage/opt/workshop-desk"
    ln -s /opt/workshop-desk/workshop-desk "$stage/usr/bin/workshop-desk"
    cp packaging/linux/workshop-desk.desktop "$stage/usr/share/applications/"
    cp packaging/linux/workshop-desk.xml "$stage/usr/share/mime/packages/"
    cp resources/icons/workshop-desk.svg "$stage/usr/share/icons/hicolor/scalable/apps/"
    cp resources/icons/workshop-desk.svg "$stage/usr/share/icons/hicolor/scalable/mimetypes/application-x-wdesk.svg"
    for size in 16 24 32 48 64 128 256 512; do
        for dir in apps mimetypes; do mkdir -p "$stage/usr/share/icons/hicolor/${size}x$size/$dir"; done
        cp "build/icons/workshop-desk-$size.png" "$stage/usr/share/icons/hicolor/${size}x$size/apps/workshop-desk.png"
        cp "build/icons/workshop-desk-$size.png" \
            "$stage/usr/share/icons/hicolor/${size}x$size/mimetypes/application-x-wdesk.png"
    done
    printf 'Workshop Desk %s\nProprietary. See https://github.com/ for the source.\n' "$version" \
        >"$stage/usr/share/doc/workshop-desk/copyright"
    # The desktop, MIME and icon caches are refreshed by the triggers of desktop-file-utils, shared-mime-info and
    # hicolor-icon-theme: no maintainer scripts are needed.
    cat >"$stage/DEBIAN/control" <<EOF
Package: workshop-desk
Version: $version
Architecture: amd64
Maintainer: Workshop Desk <workshop-desk@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $depends
Recommends: shared-mime-info, desktop-file-utils, hicolor-icon-theme, fonts-dejavu-core
Section: office
Priority: optional
Homepage: https://github.com/
Description: run live participatory workshops from a laptop and a projector
 Workshop Desk plans a programme of sittings with timed agendas, signs people
 in, seats them at tables, times rounds and speakers, captures ideas, runs
 votes and writes the Word minutes and the Excel synthesis. Offline; French
 and English. Programme files (.wdesk) open with a double-click.
EOF
    deb="dist/workshop-desk_${version}_amd64.deb"
    rm -f "$deb"
    dpkg-deb --root-owner-group -Zgzip -z9 --build "$stage" "$deb" >/dev/null
    rm -rf "$ROOT/build/deb"
    ls -l "$deb"
    dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p'
    size=$(stat -c %s "$deb")
    ((size <= 250 * 1024 * 1024)) || { echo "the package is larger than 250 MB" >&2; exit 1; }
fi

if ((smoke)); then
    say "smoke test of the frozen app"
    bash packaging/smoke_frozen.sh "$app_dir/workshop-desk"
fi
say "done"
