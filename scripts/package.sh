#!/usr/bin/env bash
# Builds the Debian package from the build tree (configuring and building what it needs first):
#   build/package/boxoffice_<version>_<arch>.deb
# cpack -G DEB installs into a staging folder under /usr, strips the executable, asks
# dpkg-shlibdeps for the libraries' Debian packages and adds the Qt plugins' (top-level
# CMakeLists.txt). The last line printed is the .deb's path. docs/PACKAGING.md has the details.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ ! -f build/CMakeCache.txt ]; then
  scripts/deps.sh
  cmake --preset default >/dev/null
fi
cmake --build --preset default -j"$(nproc)" \
  --target boxoffice boxoffice_translations boxoffice_desktop_files

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' build/CMakeCache.txt)
deb="$root/build/package/boxoffice_${version}_$(dpkg --print-architecture).deb"
rm -f build/package/boxoffice_*.deb
# cpack prints each step; only its errors matter here (they go to stderr, and it exits non-zero).
cpack --config build/CPackConfig.cmake -G DEB -B build/package >build/package.log 2>&1 ||
  { cat build/package.log >&2; echo "package: cpack failed (log above)" >&2; exit 1; }
[ -f "$deb" ] || { echo "package: cpack did not make $deb" >&2; cat build/package.log >&2; exit 1; }
echo "package: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)," \
  "$(($(stat -c %s "$deb") / 1024)) KiB; Depends: $(dpkg-deb -f "$deb" Depends)"
echo "$deb"
