#!/usr/bin/env bash
# The man page and the program agree (CTest: manpage_options).
#   manpage_options.sh BOXOFFICE MANPAGE
# - every option that `boxoffice --help` lists has an entry (.TP) in the man page, with the same
#   names and the same value name ("--database <PATH|URL>" and "\fB\-\-database\fR \fIPATH|URL\fR");
# - every option entry in the man page is one the program has (none left behind by a rename);
# - the page's header carries the version `boxoffice --version` prints;
# - groff formats the page without a warning.
# Options keep being added; this is what keeps the page from silently falling behind.
set -euo pipefail
bin=${1:?usage: manpage_options.sh BOXOFFICE MANPAGE}
page=${2:?usage: manpage_options.sh BOXOFFICE MANPAGE}
failed=0
problem() {
  echo "manpage_options: $*" >&2
  failed=1
}

help=$("$bin" --help)
# Qt's help lists each option on a line of its own, indented: "  -h, --help", "  --listen <HOST:PORT>".
from_help=$(sed -E -n 's/^  (-[[:alnum:]], )?(--[[:alnum:]-]+)( <[^>]+>)?( {2,}.*)?$/\1\2\3/p' <<<"$help" |
  sed 's/[<>]//g' | sort -u)

# A man page option entry is the line after a .TP that starts with a bold dash; its roff escapes
# are taken off so it reads as the help does: "\fB\-h\fR, \fB\-\-help\fR" is "-h, --help".
from_page=$(awk 'tp && /^\\fB\\-/ { print } { tp = ($0 ~ /^\.TP/) }' "$page" |
  sed 's/\\f[BIRP]//g; s/\\-/-/g; s/ *$//' | sort -u)

count=$(grep -c . <<<"$from_help" || true)
if [ "$count" -lt 10 ] || ! grep -qx -- '-h, --help' <<<"$from_help"; then
  problem "read only $count options from \`boxoffice --help\` (the help's layout changed?):"
  printf '%s\n' "$help" >&2
fi

while IFS= read -r option; do
  [ -n "$option" ] || continue
  if ! grep -qxF -- "$option" <<<"$from_page"; then
    name=${option%% *}
    if grep -q -- "^${name}\\( \\|,\\|\$\\)" <<<"$from_page"; then
      problem "the man page has $name, but not as \`boxoffice --help\` shows it: \"$option\"" \
        "(the page says \"$(grep -- "^${name}\\( \\|,\\|\$\\)" <<<"$from_page" | head -n 1)\")"
    else
      problem "the man page lacks \"$option\" (add a .TP entry to resources/boxoffice.1.in)"
    fi
  fi
done <<<"$from_help"

while IFS= read -r entry; do
  [ -n "$entry" ] || continue
  name=${entry%% *}
  name=${name%,}
  if ! grep -q -- "^\\(-., \\)\\{0,1\\}${name}\\( \\|\$\\)" <<<"$from_help" &&
    ! grep -q -- "^${name}," <<<"$from_help"; then
    problem "the man page documents \"$entry\", which \`boxoffice --help\` does not list"
  fi
done <<<"$from_page"

version=$("$bin" --version)
version=${version#boxoffice }
if ! grep -q "^\\.TH BOXOFFICE 1 \"[^\"]*\" \"boxoffice ${version//./\\.}\"" "$page"; then
  problem "the man page's .TH line does not name version $version: $(grep '^\.TH' "$page" || true)"
fi

if ! command -v groff >/dev/null; then
  problem "groff is missing (Debian: groff-base; scripts/deps.sh installs it)"
else
  warnings=$(groff -man -ww -z -K utf8 -Tutf8 "$page" 2>&1 || true)
  [ -z "$warnings" ] || problem "groff warns about the man page:"$'\n'"$warnings"
fi

if [ "$failed" -ne 0 ]; then
  echo "manpage_options: FAILED ($page against $bin)" >&2
  exit 1
fi
echo "manpage_options: $count options in --help, each documented in $page; version $version"
