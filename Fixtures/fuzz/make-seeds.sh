#!/usr/bin/env bash
# Cuts the fuzz targets' seed corpora (Tests/Fuzz, scripts/fuzz) from the fixtures
# one folder up: libFuzzer mutates real inputs far better than random bytes, and
# small ones far faster. Needs a built pgscalpel (swift build) for the archives.
# Rerun after the fixtures or the archive format change; the crashes/ folder holds
# the regression inputs, kept by hand.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixtures="$here/.."
pgscalpel="$here/../../.build/debug/pgscalpel"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$here"
rm -rf archive index dump copy where
mkdir -p archive index dump copy where

# archive: whole small archives, footer and index at their end.
for name in tiny empty; do
    "$pgscalpel" pack -f "archive/$name.scalpel.sql.gz" < "$fixtures/$name.sql"
done

# index: the index payloads of those and of a larger archive, inflated from
# where the footer (the file's last 66 bytes) says the index member lies. The
# target puts each after tiny's data members: the others' are read, then refused.
footer_field() { # archive, offset in the footer of an 8-byte little-endian number
    od -An -tu8 -j $(( $(stat -c %s "$1") - 66 + $2 )) -N8 "$1" | tr -d ' '
}
"$pgscalpel" pack -f "$scratch/awkward.scalpel.sql.gz" < "$fixtures/awkward.sql"
for archive in archive/tiny.scalpel.sql.gz archive/empty.scalpel.sql.gz "$scratch/awkward.scalpel.sql.gz"; do
    offset=$(footer_field "$archive" 28)
    length=$(footer_field "$archive" 36)
    tail -c +$((offset + 1)) "$archive" | head -c "$length" | gzip -dc > "index/$(basename "$archive" .scalpel.sql.gz).index"
done

# dump: small dumps whole, and the others cut before each TOC header; pieces
# above 4 KiB (large-object literals) are left out to keep the fuzzer quick.
# Links, not copies: the fixtures stay the one copy of each dump.
for name in tiny empty awkward-inserts; do ln -s "../../$name.sql" "dump/$name.sql"; done
for name in awkward blobs-verbose; do
    awk -v prefix="dump/$name-" '
        NR > 1 { if ($0 ~ /^-- (Data for )?Name: / && previous == "--") n++; print previous > sprintf("%s%03d.sql", prefix, n) }
        { previous = $0 }
        END { print previous > sprintf("%s%03d.sql", prefix, n) }
    ' "$fixtures/$name.sql"
done
find dump -size +4k -delete

# copy: the COPY data lines of the awkward dump, one of each shape (lines that
# differ only in their numbers are alike), every escape it uses among them.
awk '/^\\\.$/ { data = 0 } data { print } /^COPY .* FROM stdin;$/ { data = 1 }' "$fixtures/awkward.sql" |
    awk '{ shape = $0; gsub(/[0-9]+/, "0", shape) } !(shape in seen) { seen[shape] = 1; n++; print > sprintf("copy/%03d.txt", n) }'

# where: the --where texts the tests use, accepted and refused.
n=0
while IFS= read -r text; do
    n=$((n + 1))
    printf '%s' "$text" > "where/$(printf %03d $n).txt"
done <<'TEXTS'
id % 7 = 0
lower(email) LIKE 'user1%@example.com' AND score IS NOT NULL
date_trunc('month', happened_at) = '2026-03-01 00:00:00+00' OR action = 'delete'
lower(note) LIKE '%héllo%' AND p > 100
id IN (4, 6)
id BETWEEN 51 AND 3000
region = 'even'
true
id = = 1
id >
true)) TO PROGRAM 'touch x' --
id = 1; DROP TABLE items
true), false); DROP TABLE items; SELECT ((true
"Order Items".qty > 0 /* a comment */ AND $$x$$ <> E'\'' -- trailing
TEXTS
