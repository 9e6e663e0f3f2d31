#!/usr/bin/env bash
# The two set-up commands of the README, for a fresh machine:
#   bash dev.sh app    install ProofPair into .venv and open it on the built-in sample
#   bash dev.sh test   install ProofPair with its test tools into .venv and run every test
# On Debian/Ubuntu it first installs, if missing, the system libraries Qt needs, a font and
# Tesseract OCR and Hunspell dictionaries for English, Swedish and German (as root, or through sudo). Anything after the verb is passed on (to proofpair or pytest).
set -euo pipefail
cd "$(dirname "$0")"
verb=${1:-}
[ $# -gt 0 ] && shift

# The interpreter .venv is made with: $PYTHON if set; else the system's own python3 where it is
# 3.11 or newer, as on Debian 12 (a distribution builds it profile-guided and link-time
# optimized: the sample compares in a sixth less time than with a plain build, such as
# pyenv's default); else python3 on PATH. An existing .venv is kept as it is.
interpreter() {
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
  local p
  for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$p"; return
    fi
  done
  echo python3
}
PY=$(interpreter)

system_packages() {
  command -v dpkg >/dev/null 2>&1 || return 0
  local want=(libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
              libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
              libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0
              fonts-dejavu-core python3-venv
              # OCR of scanned editions (app/formats/ocr.py); optional for the app, the tests use it
              tesseract-ocr tesseract-ocr-eng tesseract-ocr-swe tesseract-ocr-deu
              # word lists of the documents' languages (app/judge/language.py); optional too
              hunspell-en-us hunspell-sv hunspell-de-de)
  local missing=()
  for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  # python3-venv is only needed when the interpreter is Debian's own
  if [ -x .venv/bin/python ] || "$PY" -c 'import venv, ensurepip' 2>/dev/null; then
    missing=("${missing[@]/python3-venv}")
  fi
  missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
}

venv() {
  [ -x .venv/bin/python ] || "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
  # setuptools' notice that an editable install points at this folder is all it would print
  PYTHONWARNINGS="ignore:Editable installation" .venv/bin/python -m pip install -q --disable-pip-version-check -e "$1"
}

case "$verb" in
  app)  system_packages; venv .;         exec .venv/bin/proofpair --sample "$@" ;;
  test) system_packages; venv '.[test]'; exec .venv/bin/python -m pytest "$@" ;;
  *)    echo "usage: bash dev.sh app|test [args…]" >&2; exit 2 ;;
esac
