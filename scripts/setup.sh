#!/usr/bin/env bash
# Installs everything Cultivate needs to build and test, on Debian 12. Idempotent: on a ready
# machine it checks and returns in seconds. No archive or registry host name is written here;
# apt's source stanza is derived from the machine's own sources (see ../shared/TOOLCHAIN.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DEPS=$ROOT/build/deps
mkdir -p "$DEPS"

say() { printf 'setup: %s\n' "$*"; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

# --- 1. Debian packages --------------------------------------------------------------------------
PKGS=(emscripten nlohmann-json3-dev doctest-dev chromium cmake ninja-build g++ nodejs npm
      dpkg-dev xz-utils fonttools ca-certificates curl
      fonts-dejavu-core fonts-droid-fallback fonts-nanum fonts-lohit-deva fonts-tlwg-loma-ttf  # fallback fonts (step 4)
      clang-14 libclang-rt-14-dev    # the sanitizer build and libFuzzer
      python3-venv)                  # the Python packages the tests use (step 6)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm may come with nodejs from another source; only ask apt for it when the command is absent.
if command -v npm >/dev/null; then missing=("${missing[@]/npm}"); fi
if command -v node >/dev/null; then missing=("${missing[@]/nodejs}"); fi
read -ra missing <<<"${missing[*]}"
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- 2. Dear ImGui 1.90.1 from Debian's source package ------------------------------------------
IMGUI_VER=1.90.1
IMGUI_DEB=1.90.1+ds-1
IMGUI_SHA=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
IMGUI_DIR=$DEPS/imgui-$IMGUI_VER
if [ ! -f "$IMGUI_DIR/imgui.cpp" ]; then
  tarball=$DEPS/imgui_${IMGUI_VER}+ds.orig.tar.xz
  if [ ! -f "$tarball" ]; then
    src_list=/etc/apt/sources.list.d/cultivate-src.sources
    if [ ! -f "$src_list" ]; then
      # The first stanza of the machine's own Debian sources, turned into a trixie deb-src stanza.
      base=/etc/apt/sources.list.d/debian.sources
      [ -f "$base" ] || { echo "setup: $base not found; cannot derive a deb-src stanza" >&2; exit 1; }
      awk 'BEGIN{RS=""; ORS="\n"} NR==1{print; exit}' "$base" \
        | sed -E -e 's/^Types:.*/Types: deb-src/' -e 's/^Suites:.*/Suites: trixie/' \
        | $SUDO tee "$src_list" >/dev/null
      $SUDO apt-get update -qq
    fi
    say "fetching the imgui $IMGUI_DEB source package"
    (cd "$DEPS" && apt-get source --download-only -qq "imgui=$IMGUI_DEB" >/dev/null)
  fi
  echo "$IMGUI_SHA  $tarball" | sha256sum -c --quiet - \
    || { echo "setup: $tarball does not match its sha256; refusing it" >&2; rm -f "$tarball"; exit 1; }
  rm -rf "$IMGUI_DIR.tmp" && mkdir -p "$IMGUI_DIR.tmp"
  tar -xJf "$tarball" -C "$IMGUI_DIR.tmp" --strip-components=1
  rm -rf "$IMGUI_DIR" && mv "$IMGUI_DIR.tmp" "$IMGUI_DIR"
fi

# --- 3. Header-only libraries, seen by the wasm build without -I/usr/include ---------------------
mkdir -p "$DEPS/include"
ln -sfn /usr/include/nlohmann "$DEPS/include/nlohmann"
ln -sfn /usr/include/doctest "$DEPS/include/doctest"

# --- 4. The UI font: DejaVu Sans subset to Latin-1, Latin Extended-A/B, Greek, Cyrillic ----------
FONT=$DEPS/font/ui.ttf
if [ ! -f "$FONT" ]; then
  mkdir -p "$DEPS/font"
  pyftsubset /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
    --unicodes="U+0020-007E,U+00A0-024F,U+0370-03FF,U+0400-04FF,U+2010-2027,U+2030-205E,U+20AC,U+2190-2199,U+2212,U+2713,U+2715,U+25B2-25BC" \
    --layout-features='' --no-hinting --desubroutinize --output-file="$FONT.tmp"
  mv "$FONT.tmp" "$FONT"
fi

# Hebrew and Arabic (DejaVu Sans, with the presentation forms drawn for joined letters), Devanagari
# (Lohit), Thai (Loma), Chinese and Japanese (Droid Sans Fallback) and Korean (Nanum Gothic): files of
# their own beside the page, each fetched only when one of its characters is on screen (imgui_web.cpp,
# Fallback).
subset() {  # subset FILE FROM UNICODES
  [ -f "$DEPS/font/$1" ] && return 0
  pyftsubset "$2" --unicodes="$3" --layout-features='' --no-hinting --desubroutinize \
    --output-file="$DEPS/font/$1.tmp" 2>/dev/null
  mv "$DEPS/font/$1.tmp" "$DEPS/font/$1"
}
subset cjk.ttf /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf \
  "U+2E80-2FDF,U+3000-30FF,U+31F0-31FF,U+3400-4DBF,U+4E00-9FFF,U+F900-FAFF,U+FF00-FFEF"
subset hangul.ttf /usr/share/fonts/truetype/nanum/NanumGothic.ttf "U+1100-11FF,U+3130-318F,U+AC00-D7AF"
subset rtl.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "U+0590-06FF,U+FB1D-FDFF,U+FE70-FEFF"
subset devanagari.ttf /usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf "U+0900-097F,U+A8E0-A8FF"
subset thai.ttf /usr/share/fonts/truetype/tlwg/Loma.ttf "U+0E00-0E7F"

# --- 5. npm packages pinned by web/package-lock.json ----------------------------------------------
if [ -f web/package-lock.json ]; then
  if [ ! -f web/node_modules/.package-lock.json ] || ! cmp -s web/package-lock.json web/.installed-lock 2>/dev/null; then
    say "installing npm packages"
    (cd web && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp web/package-lock.json web/.installed-lock
  fi
fi
# --- 6. Python packages the tests use, pinned by tests/requirements.txt ----------------------------
PYENV=$DEPS/pyenv
if [ ! -x "$PYENV/bin/python" ] || ! cmp -s tests/requirements.txt "$PYENV/.installed" 2>/dev/null; then
  say "installing Python test packages"
  rm -rf "$PYENV"
  python3 -m venv "$PYENV"
  "$PYENV/bin/pip" install -q --disable-pip-version-check -r tests/requirements.txt
  cp tests/requirements.txt "$PYENV/.installed"
fi
# --- 7. Synapse, the Matrix homeserver the live-sync tests start on loopback (scripts/synapse.sh) ------
if [ "$(cat "$DEPS/synapse/.installed" 2>/dev/null)" != "$(sed -n 's/^VERSION=//p' scripts/synapse.sh)" ]; then
  say "installing Synapse (matrix-synapse from PyPI)"
fi
scripts/synapse.sh install
say "ready"
