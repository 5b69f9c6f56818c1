# Shared by ./run and ./test: a virtual environment with the project installed, and the
# system packages the tests need. Sourced, not run.

ensure_venv() {
  local extras="$1"
  if [ ! -x .venv/bin/python ]; then
    if ! python3 -m venv .venv 2>/dev/null; then
      # Debian ships venv separately; install it when we may.
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv python3-pip
        rm -rf .venv && python3 -m venv .venv
      else
        echo "Python 3.11+ with venv is needed (Debian: apt-get install python3-venv)." >&2
        exit 1
      fi
    fi
  fi
  # Reinstall only when the project's dependencies changed since the last install.
  local stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)${extras}"
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras}"
    rm -f .venv/.installed-* && touch "$stamp"
  fi
}

ensure_chromium() {
  # Browser tests drive Debian's Chromium; Playwright's own browser download is never used.
  if [ -x /usr/bin/chromium ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core
  else
    echo "Chromium is needed for the browser tests: sudo apt-get install chromium" >&2
    exit 1
  fi
}

ensure_libreoffice() {
  # LibreOffice opens the Word export in a test, as a researcher's word processor would.
  if command -v soffice >/dev/null || command -v libreoffice >/dev/null; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui
  else
    echo "LibreOffice is needed for the Word round-trip test: sudo apt-get install libreoffice-writer-nogui" >&2
    exit 1
  fi
}

VNU_VERSION="26.9.27"

ensure_html_checker() {
  # The Nu Html Checker (the W3C validator's engine) checks the pages' HTML: a Java archive from
  # the npm registry, kept inside the virtual environment, and a Java runtime to run it.
  if ! command -v java >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless
    else
      echo "Java is needed for the HTML checks: sudo apt-get install default-jre-headless" >&2
      exit 1
    fi
  fi
  if [ ! -f ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar" ] || \
     ! grep -q "\"version\": \"${VNU_VERSION}\"" .venv/vnu/node_modules/vnu-jar/package.json 2>/dev/null; then
    if ! command -v npm >/dev/null; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm
      else
        echo "npm is needed to fetch the HTML checker: sudo apt-get install npm" >&2
        exit 1
      fi
    fi
    npm install --silent --no-save --no-audit --no-fund --prefix .venv/vnu "vnu-jar@${VNU_VERSION}"
  fi
}
