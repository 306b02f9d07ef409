# Measuring helpers for bench/measure and bench/reference, sourced by both.
# They expect $work (a scratch folder) and $results (the file runs are added to).

# One timed run of a shell command: wall, user, system seconds and peak RSS (KiB).
# Wall time comes from bash's microsecond clock: time(1)'s is in hundredths.
timed() {
    local name="$1" start end; shift
    sync
    start=$EPOCHREALTIME
    /usr/bin/time -f "%U %S %M" -o "$work/time" bash -o pipefail -c "$*" >/dev/null
    end=$EPOCHREALTIME
    printf '%s %s %s\n' "$name" "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')" "$(cat "$work/time")" >> "$results"
}
median() { # NAME FIELD (2 wall, 3 user, 4 sys, 5 rss; 6 = user+sys)
    awk -v n="$1" -v f="$2" '$1 == n { v = (f == 6) ? $3 + $4 : $f; print v }' "$results" | sort -g |
        awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "nan"; else printf "%.2f", a / b }'; }
size() { stat -c %s "$1"; }
# A command's name as a table cell: a `|` inside a code span would still split the row.
cell() { printf '%s' "${1//|/\\|}"; }
