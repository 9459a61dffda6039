#!/usr/bin/env bash
# Vendors the compiled U.S. Web Design System (USWDS) files that OpenCCS serves
# into src/OpenCcs.Web/wwwroot/lib/uswds/.
#
# Usage: tools/vendor-uswds.sh [version]      (default version: 3.14.0)
#
# Only the files the pages use are copied:
#   - css/uswds.min.css, js/uswds.min.js, js/uswds-init.min.js
#   - img/sprite.svg plus every image the compiled CSS points at
#   - fonts: every webfont the compiled CSS points at, plus Public Sans
#     (woff2 for the browser, TTF for the PDF notices) in the weights we use
#   - the package's LICENSE.md
# and a VERSION.md recording where they came from is written next to them.
# Running it again replaces the vendored files completely.
set -euo pipefail

version="${1:-3.14.0}"
package="@uswds/uswds"

# Public Sans styles to keep (file names without extension). USWDS text uses
# light, regular, semibold and bold; PDFs use regular, bold and the italics.
public_sans_styles=(
  PublicSans-Light PublicSans-LightItalic
  PublicSans-Regular PublicSans-Italic
  PublicSans-SemiBold PublicSans-SemiBoldItalic
  PublicSans-Bold PublicSans-BoldItalic
)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$repo_root/src/OpenCcs.Web/wwwroot/lib/uswds"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Fetching $package@$version with npm pack ..."
(cd "$work" && npm pack --json "$package@$version" > pack.json 2> npm.log) || {
  cat "$work/npm.log" >&2
  echo "npm pack failed" >&2
  exit 1
}
tarball="$(cd "$work" && ls ./*.tgz | head -n 1)"
integrity="$(node -e 'const p=require(process.argv[1]);console.log(p[0].integrity)' "$work/pack.json")"
tar -xzf "$work/$tarball" -C "$work"
dist="$work/package/dist"

for required in css/uswds.min.css js/uswds.min.js js/uswds-init.min.js img/sprite.svg; do
  if [[ ! -f "$dist/$required" ]]; then
    echo "The package has no dist/$required; the layout of the package changed." >&2
    exit 1
  fi
done

rm -rf "$dest/css" "$dest/js" "$dest/img" "$dest/fonts"
mkdir -p "$dest/css" "$dest/js" "$dest/img" "$dest/fonts/public-sans"

copy() { # copy <path relative to dist>
  mkdir -p "$(dirname "$dest/$1")"
  cp "$dist/$1" "$dest/$1"
}

copy css/uswds.min.css
copy js/uswds.min.js
copy js/uswds-init.min.js
copy img/sprite.svg

# Every relative url(../img/...) and url(../fonts/...) in the compiled CSS.
mapfile -t referenced < <(
  grep -o 'url([^)]*)' "$dist/css/uswds.min.css" \
    | sed -e 's/^url(//' -e 's/)$//' -e 's/["'\'']//g' \
    | grep -E '^\.\./(img|fonts)/' \
    | sed 's#^\.\./##' \
    | sort -u
)
for file in "${referenced[@]}"; do
  if [[ -f "$dist/$file" ]]; then
    copy "$file"
  else
    echo "warning: the CSS refers to $file, which the package does not contain" >&2
  fi
done

for style in "${public_sans_styles[@]}"; do
  for ext in woff2 ttf; do
    copy "fonts/public-sans/$style.$ext"
  done
done

cp "$work/package/LICENSE.md" "$dest/LICENSE.md"

today="$(date -u +%Y-%m-%d)"
cat > "$dest/VERSION.md" <<EOF
# Vendored USWDS

| | |
|---|---|
| Package | \`$package\` (npm registry) |
| Version | $version |
| Integrity | \`$integrity\` |
| Vendored on | $today |
| Reproduce with | \`tools/vendor-uswds.sh $version\` from the repository root |

These are the compiled files of the U.S. Web Design System, copied unchanged from the
package's \`dist/\` folder. OpenCCS does not compile USWDS from Sass; the pages use the
default theme and \`wwwroot/css/site.css\` adds the few OpenCCS rules on top.

What is here:

- \`css/uswds.min.css\`, \`js/uswds.min.js\`, \`js/uswds-init.min.js\`
- \`img/sprite.svg\` (the icon sprite) and the images the compiled CSS refers to
  (the rest of the package's \`img/\` folder, about 10 MB of icons, is left out)
- \`fonts/\`: the Source Sans Pro, Merriweather and Roboto Mono woff2 files the compiled CSS
  loads, and Public Sans in light, regular, semibold and bold with italics, as woff2 (used
  by \`site.css\` for the page text) and TTF (embedded in PDF notices by the document
  renderer, which reads them from \`fonts/public-sans/\`)

## Licences

USWDS is a work of the United States government: public domain in the United States and
dedicated worldwide under CC0 1.0. Some parts carry their own licences, set out in full in
\`LICENSE.md\` (the package's own licence file, copied unchanged):

- Public Sans, Source Sans Pro and Merriweather are under the SIL Open Font License 1.1.
  Public Sans is a modification of Libre Franklin (copyright Impallari Type); Source Sans
  Pro is copyright Adobe Systems Incorporated with Reserved Font Name "Source";
  Merriweather is copyright The Merriweather Project Authors with Reserved Font Name
  "Merriweather". Each font file also carries its copyright and licence notice in its
  own name table. The package ships no separate OFL text file.
- Roboto Mono and the Material Icons in the sprite are under the Apache License 2.0.
EOF

total="$(du -sk "$dest" | cut -f1)"
echo "Vendored $package@$version into ${dest#"$repo_root"/} (${total} KB)."
