#!/usr/bin/env bash
# The Open Key end to end (run by `make key`): pack the bundled course with the portable openkey, verify it,
# damage one byte of a copy and see `openkey verify` name the file, check with ldd that every library the packed
# openkey needs (other than the C library itself) comes from the key, and build a one-page course with it.
set -euo pipefail
cd "$(dirname "$0")/.."
KEY="${1:-_key}"
BIN="${2:-.build/key/release/openkey}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== pack"
"$BIN" pack "$KEY" --teacher --binary "$BIN"
"$KEY/openkey" verify "$KEY"

echo "== a damaged copy is caught"
cp -a "$KEY" "$work/copy"
target="$work/copy/data/2lep_data.root"
printf '\x42' | dd of="$target" bs=1 seek=1000 count=1 conv=notrunc status=none
if "$work/copy/openkey" verify "$work/copy" > "$work/verify.out" 2>&1; then
  echo "FAIL: verify accepted a corrupted copy"; exit 1
fi
grep -q "corrupted: data/2lep_data.root" "$work/verify.out" || { cat "$work/verify.out"; echo "FAIL: corrupted file not named"; exit 1; }
rm "$work/copy/site/index.html"; touch "$work/copy/stray.txt"
"$work/copy/openkey" verify "$work/copy" > "$work/verify2.out" 2>&1 || true
grep -q "missing:   site/index.html" "$work/verify2.out" && grep -q "extra:     stray.txt" "$work/verify2.out" \
  || { cat "$work/verify2.out"; echo "FAIL: missing/extra files not named"; exit 1; }
echo "verify names corrupted, missing and extra files"

echo "== libraries come from the key"
tool="$KEY/tools/linux-x86_64/openkey"
ldd "$tool" | tee "$work/ldd.out"
keydir="$(cd "$KEY" && pwd)"
bad=0
while read -r line; do
  name="$(echo "$line" | awk '{print $1}')"
  case "$name" in
    linux-vdso*|*ld-linux*|libc.so*|libm.so*|libpthread.so*|libdl.so*|librt.so*|libresolv.so*|libutil.so*) continue ;;
  esac
  path="$(echo "$line" | awk '/=>/ {print $3}')"
  if [[ "$line" == *"not found"* ]] || [[ "$(readlink -f "$path")" != "$keydir"/* ]]; then
    echo "FAIL: $name resolves to ${path:-nothing}, not inside the key"; bad=1
  fi
done < "$work/ldd.out"
[ "$bad" = 0 ]
echo "every library other than the C library resolves inside the key"

echo "== the packed openkey builds a course"
mkdir -p "$work/course/Content"
printf 'title: One page\n' > "$work/course/Content/site.yml"
printf -- '---\ntitle: Hello\nsummary: One page.\n---\nA formula: $E = mc^2$.\n' > "$work/course/Content/hello.md"
(cd "$work" && env -i PATH=/usr/bin:/bin "$keydir/openkey" build course --output site)
grep -q "<math" "$work/site/hello.html"
echo "OK: the key works"
