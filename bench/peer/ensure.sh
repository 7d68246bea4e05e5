#!/bin/sh
# Install the Python peer's dependencies (Debian packages) only when missing.
# Uses /usr/bin/python3 on purpose: the pyenv python3 on PATH does not see Debian's dist-packages.
set -u
PY=/usr/bin/python3
if "$PY" -c 'import sklearn, umap' 2>/dev/null; then
  echo "peer: sklearn and umap already importable by $PY"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || echo "peer: apt-get update failed" >&2
for pkg in python3-sklearn umap-learn; do
  if ! apt-cache show "$pkg" >/dev/null 2>&1; then
    echo "peer: Debian package '$pkg' is not available (apt-cache show failed)" >&2
  fi
done
$SUDO apt-get install -y -qq python3-sklearn umap-learn || {
  echo "peer: apt-get install python3-sklearn umap-learn failed" >&2
}
if "$PY" -c 'import sklearn, umap' 2>/dev/null; then
  echo "peer: ready ($("$PY" -c 'import sklearn, umap; print("sklearn", sklearn.__version__, "umap", umap.__version__)'))"
  exit 0
fi
echo "peer unavailable: $PY cannot import sklearn and umap after install" >&2
exit 1
