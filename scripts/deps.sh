#!/usr/bin/env bash
# Installs what the tests use beyond Go: poppler-utils (pdftotext, pdfinfo,
# pdftoppm), qpdf, and LibreOffice Calc (headless workbook check). Debian
# packages; installed only when missing. Without root or apt the tests that
# need these tools skip with a message, and this script says so.
set -u
need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "deps: missing ${need[*]}; install them (Debian: apt-get install ${need[*]}) or the tests that use them will skip" >&2
  exit 0
fi
echo "deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
  || echo "deps: apt-get failed; tests that need ${need[*]} will skip" >&2
exit 0
