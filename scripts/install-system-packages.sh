#!/usr/bin/env bash
# The Debian packages that reading scans and PDFs uses, and the tests need: Tesseract with its simplified
# and traditional Chinese models (OCR of scans), poppler's pdftoppm (rendering a scanned PDF page, and the
# test's 200-dpi scan), and a CJK font (the test's e-paper PDF). Installs only what is missing; needs root
# (or sudo) only when something is.
set -euo pipefail
PACKAGES=(tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra poppler-utils fonts-wqy-zenhei)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Missing system packages (${missing[*]}) and no apt-get to install them." >&2
  exit 1
fi
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=(sudo); else
    echo "Missing system packages: ${missing[*]}. Install them as root: apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi
echo "Installing ${missing[*]} …" >&2
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
