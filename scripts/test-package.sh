#!/usr/bin/env bash
# The Debian package as a user gets it: builds build/package/boxoffice_<version>_<arch>.deb from
# the build tree (scripts/package.sh), checks what is in it, installs it with apt-get, runs the
# installed program from outside the checkout with the checkout hidden (a private mount
# namespace with an empty tmpfs over it: no build tree, no source, no file of the repository),
# then purges it and checks that nothing of it is left. scripts/test.sh runs it after CTest;
# BOXOFFICE_TEST_PACKAGE=0 skips it there.
#
# The installed program must:
#   - answer --version with the package's version, and --check on a fresh SQLite file (and on
#     PostgreSQL when BOXOFFICE_TEST_POSTGRES is set, as under scripts/with-postgres.sh);
#   - open its window under Xvfb (screenshot: build/package/installed-window.png), with the
#     WM_CLASS the .desktop file's StartupWMClass names;
#   - load no shared object (ld.so's LD_DEBUG=files, the window's /proc/PID/maps) whose Debian
#     package is not among the package's declared dependencies: what dpkg-shlibdeps cannot see,
#     the plugins and libraries Qt opens by name at run time, is caught here;
#   - have its .desktop file, icons, metainfo and man page where menus, software centres and man
#     look for them.
# Needs root: apt-get installs and purges, unshare -m hides the checkout. Every failed step stops
# the script with "test-package: FAILED: ..." and a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

fail() {
  echo "test-package: FAILED: $*" >&2
  exit 1
}
step() { echo "test-package: $*"; }

if [ "$(id -u)" -ne 0 ]; then
  cat >&2 <<EOF
test-package: needs root: it installs the package with apt-get, runs it with the checkout hidden
(unshare -m, mount), and purges it again. Run it as root (CI does): sudo scripts/test-package.sh
or skip it in scripts/test.sh with BOXOFFICE_TEST_PACKAGE=0.
EOF
  exit 1
fi
for tool in apt-get dpkg-deb unshare xvfb-run xwininfo xprop import identify readelf \
  desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/deps.sh installs what this needs)"
done

started=$(date +%s)
deb=$(scripts/package.sh | tail -n 1)
version=$(dpkg-deb -f "$deb" Version)
app_id=$(sed -n 's/^set(BOXOFFICE_APP_ID \([^ )]*\))$/\1/p' CMakeLists.txt)
[ -n "$app_id" ] || fail "no set(BOXOFFICE_APP_ID ...) in CMakeLists.txt"
step "built $deb in $(($(date +%s) - started)) s"

# One package test at a time on a machine (several worktrees may run scripts/test.sh at once),
# and never over a boxoffice that someone installed for real.
exec 9>/var/lock/boxoffice-test-package.lock
flock -w 600 9 || fail "another test-package.sh held /var/lock/boxoffice-test-package.lock for 10 minutes"
if dpkg-query -W -f='${Status}' boxoffice 2>/dev/null | grep -q installed; then
  fail "boxoffice is already installed here ($(dpkg-query -W -f='${Version}' boxoffice));" \
    "this test installs and purges its own build: apt-get purge boxoffice first, or skip it" \
    "with BOXOFFICE_TEST_PACKAGE=0"
fi

tmp=$(mktemp -d /tmp/boxoffice-package.XXXXXX)
installed=0
cleanup() {
  if [ "$installed" = 1 ]; then
    echo "test-package: removing the package after a failure" >&2
    apt-get purge -y -qq boxoffice >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- What the .deb holds -------------------------------------------------------------------
dpkg-deb -c "$deb" >"$tmp/contents"
[ "$(dpkg-deb -f "$deb" Package)" = boxoffice ] || fail "the package is not named boxoffice"
[ "$(basename "$deb")" = "boxoffice_${version}_$(dpkg --print-architecture).deb" ] ||
  fail "$(basename "$deb") is not boxoffice_<version>_<arch>.deb"
depends=$(dpkg-deb -f "$deb" Depends)
depends_names=$(tr ',|' '\n\n' <<<"$depends" | sed 's/^ *//; s/ .*//')
# The ones that do not depend on how the program is written: the C++ and Qt basics from
# shlibdeps, and the run-time ones named by hand. The loaded-library check below covers the rest.
for dep in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 \
  libqt6sql6-sqlite libqt6sql6-psql fonts-noto-cjk; do
  grep -qxF "$dep" <<<"$depends_names" || fail "Depends lacks $dep: $depends"
done
for field in Section Priority Maintainer Homepage Description; do
  [ -n "$(dpkg-deb -f "$deb" "$field")" ] || fail "the control file has no $field"
done
expected=(
  ./usr/bin/boxoffice
  ./usr/share/applications/boxoffice.desktop
  "./usr/share/metainfo/$app_id.metainfo.xml"
  ./usr/share/icons/hicolor/scalable/apps/boxoffice.svg
  ./usr/share/man/man1/boxoffice.1.gz
  ./usr/share/boxoffice/translations/boxoffice_ko.qm
  ./usr/share/boxoffice/translations/boxoffice_en.qm
  ./usr/share/doc/boxoffice/copyright
  ./usr/share/doc/boxoffice/changelog.gz
  ./usr/share/doc/boxoffice/README.md
)
for size in 16 22 24 32 48 64 128 256; do
  expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/boxoffice.png")
done
for path in "${expected[@]}"; do
  grep -q " $path\$" "$tmp/contents" || fail "the package lacks $path"
done
# Every entry root:root; directories and the program 755, everything else 644.
awk '$2 != "root/root" { print "owner " $2 ": " $6; bad = 1 }
     /^d/ && $1 != "drwxr-xr-x" { print "mode " $1 ": " $6; bad = 1 }
     /^-/ && $6 == "./usr/bin/boxoffice" && $1 != "-rwxr-xr-x" { print "mode " $1 ": " $6; bad = 1 }
     /^-/ && $6 != "./usr/bin/boxoffice" && $1 != "-rw-r--r--" { print "mode " $1 ": " $6; bad = 1 }
     END { exit bad }' "$tmp/contents" >"$tmp/modes" || fail "ownership or modes:"$'\n'"$(cat "$tmp/modes")"
mkdir "$tmp/deb"
dpkg-deb -x "$deb" "$tmp/deb"
! readelf -S "$tmp/deb/usr/bin/boxoffice" | grep -q '\.symtab' || fail "usr/bin/boxoffice is not stripped"
if readelf -d "$tmp/deb/usr/bin/boxoffice" | grep -Eq 'R(UN)?PATH'; then
  fail "usr/bin/boxoffice has an RPATH: $(readelf -d "$tmp/deb/usr/bin/boxoffice" | grep -E 'R(UN)?PATH')"
fi
for size in 16 22 24 32 48 64 128 256; do
  got=$(identify -format '%wx%h' "$tmp/deb/usr/share/icons/hicolor/${size}x${size}/apps/boxoffice.png")
  [ "$got" = "${size}x${size}" ] || fail "the ${size}x${size} icon is $got"
done
desktop-file-validate "$tmp/deb/usr/share/applications/boxoffice.desktop" ||
  fail "desktop-file-validate rejects the packaged boxoffice.desktop"
# validate-tree: the metainfo with the desktop file and the icon it names, as a software centre
# reads them.
appstreamcli validate-tree --no-net --explain "$tmp/deb" >"$tmp/validate-tree" 2>&1 ||
  fail "appstreamcli validate-tree:"$'\n'"$(cat "$tmp/validate-tree")"
step "contents: $(grep -c . "$tmp/contents") entries, root:root, modes right, stripped, no RPATH," \
  "icons at every size, desktop file and metainfo valid"
if command -v lintian >/dev/null; then
  # (lintian's own note that it runs as root is not about the package.)
  lintian_status=0
  lintian --fail-on error,warning "$deb" >"$tmp/lintian.out" 2>&1 || lintian_status=$?
  grep -v 'running with root privileges' "$tmp/lintian.out" >"$tmp/lintian" || true
  [ "$lintian_status" -eq 0 ] || fail "lintian:"$'\n'"$(cat "$tmp/lintian")"
  step "lintian: no error or warning$([ -s "$tmp/lintian" ] && printf '; %s' "$(paste -sd' ' "$tmp/lintian")")"
fi

# --- Install -------------------------------------------------------------------------------
# --no-install-recommends: Depends alone must be enough to run.
installed=1
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "$deb" \
  >"$tmp/apt-install" 2>&1 || fail "apt-get install $deb:"$'\n'"$(cat "$tmp/apt-install")"
dpkg-query -W -f='${Status} ${Version}\n' boxoffice | grep -q "install ok installed $version" ||
  fail "dpkg does not list boxoffice $version as installed"
dpkg -L boxoffice | sort >"$tmp/owned"
step "installed with apt-get: $(grep -c . "$tmp/owned") paths"

[ "$(command -v boxoffice)" = /usr/bin/boxoffice ] || fail "boxoffice on PATH is $(command -v boxoffice)"
[ -f /usr/share/applications/boxoffice.desktop ] || fail "no /usr/share/applications/boxoffice.desktop"
grep -qx 'Icon=boxoffice' /usr/share/applications/boxoffice.desktop || fail "the desktop file's Icon is not boxoffice"
for icon in /usr/share/icons/hicolor/{16x16,22x22,24x24,32x32,48x48,64x64,128x128,256x256}/apps/boxoffice.png \
  /usr/share/icons/hicolor/scalable/apps/boxoffice.svg; do
  [ -f "$icon" ] || fail "the icon theme lacks $icon"
done
if command -v man >/dev/null; then
  [ "$(man -w boxoffice)" = /usr/share/man/man1/boxoffice.1.gz ] || fail "man -w boxoffice: $(man -w boxoffice 2>&1)"
  MANWIDTH=80 man boxoffice 2>&1 | grep -q -- '--database' || fail "man boxoffice does not show the options"
fi

# --- Run, outside the checkout, with the checkout hidden ---------------------------------
cat >"$tmp/inside.sh" <<'INSIDE'
set -euo pipefail
fail() { echo "test-package: FAILED: $*" >&2; exit 1; }
[ -z "$(ls -A "$CHECKOUT")" ] || fail "the checkout is still visible at $CHECKOUT"
cd "$WORK"
export HOME="$WORK/home" LANG=C.UTF-8
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR
mkdir -p "$HOME"
traced() { # traced NAME COMMAND...: runs COMMAND; ld.so writes what it loads to ld.NAME.PID
  LD_DEBUG=files LD_DEBUG_OUTPUT="$WORK/ld.$1" "${@:2}"
}

out=$(traced version boxoffice --version) || fail "boxoffice --version exited $?"
[ "$out" = "boxoffice $VERSION" ] || fail "boxoffice --version says \"$out\", the package is $VERSION"
echo "test-package: boxoffice --version: $out"

out=$(traced check boxoffice --check --database "$WORK/fresh.sqlite" 2>&1) ||
  fail "boxoffice --check on a fresh file exited non-zero:"$'\n'"$out"
grep -q 'check: all invariants hold' <<<"$out" || fail "boxoffice --check:"$'\n'"$out"
echo "test-package: boxoffice --check --database $WORK/fresh.sqlite: $(tail -n 1 <<<"$out")"

if [ -n "${BOXOFFICE_TEST_POSTGRES:-}" ]; then
  out=$(traced checkpg boxoffice --check --database "$BOXOFFICE_TEST_POSTGRES" 2>&1) ||
    fail "boxoffice --check on PostgreSQL exited non-zero:"$'\n'"$out"
  grep -q 'check: all invariants hold' <<<"$out" || fail "boxoffice --check on PostgreSQL:"$'\n'"$out"
  echo "test-package: boxoffice --check --database postgres://…: $(tail -n 1 <<<"$out")"
fi

# The window: the same program the menu entry starts, on a fresh database, under Xvfb.
cat >"$WORK/gui.sh" <<'GUI'
set -u
LD_DEBUG=files LD_DEBUG_OUTPUT="$WORK/ld.gui" \
  boxoffice --lang en --database "$WORK/gui.sqlite" >"$WORK/gui.log" 2>&1 &
pid=$!
window=""
for _ in $(seq 1 300); do # up to 60 s: a fresh database is seeded with 50,000 seats first
  window=$(xwininfo -root -tree 2>/dev/null | awk '/\("boxoffice" "boxoffice"\)/ && !/has no name/ { print $1; exit }')
  [ -n "$window" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
status=1
if [ -n "$window" ]; then
  xprop -id "$window" WM_CLASS _NET_WM_NAME WM_NAME >"$WORK/window.props" 2>&1
  for _ in $(seq 1 50); do # until it has painted: more than a handful of colours on the screen
    import -window root "$WORK/window.png" 2>/dev/null
    colours=$(identify -format '%k' "$WORK/window.png" 2>/dev/null || echo 0)
    [ "$colours" -gt 64 ] && { status=0; break; }
    sleep 0.2
  done
  echo "$colours" >"$WORK/window.colours"
  cp "/proc/$pid/maps" "$WORK/maps.gui"
fi
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit $status
GUI
xvfb-run -a -s '-screen 0 1600x1000x24' bash "$WORK/gui.sh" ||
  fail "the window did not open (or painted nothing):"$'\n'"$(cat "$WORK/gui.log" 2>/dev/null)"
grep -q 'WM_CLASS(STRING) = "boxoffice", "boxoffice"' "$WORK/window.props" ||
  fail "the window's WM_CLASS is not boxoffice (StartupWMClass): $(cat "$WORK/window.props")"
echo "test-package: the window opened under Xvfb ($(cat "$WORK/window.colours") colours on screen);" \
  "$(grep -E '^(_NET_WM_NAME|WM_NAME)' "$WORK/window.props" | head -n 1)"
INSIDE

step "running the installed program with $root hidden, from $tmp/run"
mkdir -p "$tmp/run"
CHECKOUT="$root" WORK="$tmp/run" VERSION="$version" \
  unshare --mount --propagation private -- bash -c \
  'mount -t tmpfs -o size=1m boxoffice-hidden "$CHECKOUT" && exec bash "$WORK/../inside.sh"' ||
  fail "the installed program failed a run (above)"
mkdir -p build/package
cp "$tmp/run/window.png" build/package/installed-window.png
step "screenshot of the installed program's window: build/package/installed-window.png"

# Every shared object the runs opened comes from a package that boxoffice depends on, directly
# or through its dependencies' dependencies.
# Declared: Depends, and Recommends (what Qt opens only when it is there, like libXcursor),
# each with everything it depends on in turn.
roots=(boxoffice)
for r in $(dpkg-deb -f "$deb" Recommends | tr ',|' '\n\n' | sed 's/^ *//; s/ .*//'); do
  dpkg-query -W -f='${Status}' "$r" 2>/dev/null | grep -q 'install ok installed' && roots+=("$r")
done
apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts \
  --no-breaks --no-replaces --no-enhances "${roots[@]}" 2>/dev/null |
  sed -E 's/^ *\|?(Pre)?Depends: //; s/^ +//; s/[<>]//g; s/:.*$//' | sort -u >"$tmp/closure"
{
  sed -n 's/^ *[0-9]*:[[:space:]]*calling init: //p' "$tmp"/run/ld.*
  awk '$6 ~ /\.so/ { print $6 }' "$tmp/run/maps.gui"
} | sort -u >"$tmp/loaded"
# Which package ships each one. ld.so names a library by the path it found it under, which with
# merged /usr may not be the path dpkg knows: /lib/x86_64-linux-gnu/x is /usr/lib/x86_64-linux-gnu/x.
while IFS= read -r lib; do
  printf '%s %s\n' "$lib" "$lib"
  printf '%s %s\n' "$lib" "$(readlink -f "$lib")"
  case "$lib" in /usr/*) printf '%s %s\n' "$lib" "${lib#/usr}" ;; *) printf '%s /usr%s\n' "$lib" "$lib" ;; esac
done <"$tmp/loaded" | sort -u >"$tmp/candidates"
cut -d' ' -f2 "$tmp/candidates" | sort -u | xargs dpkg-query -S 2>/dev/null |
  sed -n 's/^\([^:,]*\)[^ ]* \(.*\)$/\2 \1/p' | sort -u >"$tmp/owners" || true
awk 'NR == FNR { owner[$1] = $2; next } ($2 in owner) && !($1 in done) { print owner[$2], $1; done[$1] = 1 }' \
  "$tmp/owners" "$tmp/candidates" >"$tmp/loaded-packages"
unowned=$(cut -d' ' -f2 "$tmp/loaded-packages" | sort -u | comm -13 - "$tmp/loaded")
[ -z "$unowned" ] || fail "loaded, but shipped by no package:"$'\n'"$unowned"
missing=$(awk 'NR == FNR { dep[$1] = 1; next } !($1 in dep) { print "  " $1 " (" $2 ")" }' \
  "$tmp/closure" "$tmp/loaded-packages" | sort -u)
[ -z "$missing" ] || fail "loaded from packages that boxoffice does not depend on:"$'\n'"$missing"
step "$(grep -c . "$tmp/loaded") shared objects loaded, from $(cut -d' ' -f1 "$tmp/loaded-packages" |
  sort -u | grep -c .) packages, all among the $(grep -c . "$tmp/closure")"\
  "it declares (Depends and Recommends, with theirs)"
for plugin in sqldrivers/libqsqlite.so platforms/libqxcb.so; do
  grep -q "/qt6/plugins/$plugin\$" "$tmp/loaded" ||
    fail "the runs never loaded the Qt plugin $plugin"
done
if [ -n "${BOXOFFICE_TEST_POSTGRES:-}" ]; then
  grep -q '/qt6/plugins/sqldrivers/libqsqlpsql.so$' "$tmp/loaded" ||
    fail "the PostgreSQL check never loaded the QPSQL plugin"
fi

# --- Purge: nothing of it left ---------------------------------------------------------------
apt-get purge -y -qq -o DPkg::Lock::Timeout=300 boxoffice >"$tmp/apt-purge" 2>&1 ||
  fail "apt-get purge boxoffice:"$'\n'"$(cat "$tmp/apt-purge")"
installed=0
! dpkg-query -W -f='${Status}' boxoffice 2>/dev/null | grep -q installed ||
  fail "dpkg still lists boxoffice after the purge"
left=""
while IFS= read -r path; do
  [ -e "$path" ] || [ -L "$path" ] || continue
  # A folder other packages own too (/usr/share/applications) stays, and should.
  if [ -d "$path" ] && dpkg-query -S "$path" >/dev/null 2>&1; then continue; fi
  left+="  $path"$'\n'
done <"$tmp/owned"
left+=$(find /usr /etc /opt /var/lib/dpkg/info -name '*boxoffice*' 2>/dev/null | sed 's/^/  /')
[ -z "$left" ] || fail "left behind by apt-get purge:"$'\n'"$left"
step "purged: none of its $(grep -c . "$tmp/owned") paths left, nothing named boxoffice under /usr /etc /opt"
step "passed in $(($(date +%s) - started)) s"
