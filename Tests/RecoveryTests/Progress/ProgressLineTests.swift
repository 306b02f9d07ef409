@testable import Recovery
import Testing

/// What a progress line says, from the state and the seconds the phase has run.
@Suite struct ProgressLineTests {
    private let mib: UInt64 = 1 << 20

    @Test func bytesAgainstTheIndexGivePercentRateAndTimeLeft() {
        var state = ProgressState(phase: "data")
        state.active = ["public.big"]
        state.bytes = 120 * mib
        state.totalBytes = 320 * mib
        state.items = 2
        state.totalItems = 5
        #expect(ProgressLine.text(state, elapsed: 10)
            == "data public.big: 120.0 MiB of 320.0 MiB (37%), 12.0 MiB/s, 17s left, 2 of 5 tables")
    }

    @Test func theFirstSecondShowsNoRate() {
        var state = ProgressState(phase: "data")
        state.bytes = 3 * mib
        state.totalBytes = 320 * mib
        #expect(ProgressLine.text(state, elapsed: 0.5) == "data: 3.0 MiB of 320.0 MiB (0%)")
    }

    @Test func withoutATotalOnlyBytesAndRate() {
        var state = ProgressState(phase: "dumping")
        state.active = ["public.big"]
        state.bytes = 600 * mib
        state.note = "20.0 MiB written"
        #expect(ProgressLine.text(state, elapsed: 60) == "dumping public.big: 600.0 MiB, 10.0 MiB/s, 20.0 MiB written")
    }

    @Test func rowsGiveTheRateWhenNoBytesAreCounted() {
        var state = ProgressState(phase: "loading the backup's rows")
        state.rows = 1000
        state.totalRows = 4000
        #expect(ProgressLine.text(state, elapsed: 10) == "loading the backup's rows: 1000 of 4000 rows, 100 rows/s, 30s left")
    }

    @Test func severalTablesInFlightNameTheFirst() {
        var state = ProgressState(phase: "data")
        state.active = ["public.a", "INDEX public.b_idx", "public.c"]
        #expect(ProgressLine.text(state, elapsed: 3) == "data public.a and 2 more")
    }

    @Test func wordsOnlyForAPhaseThatCountsNothing() {
        var state = ProgressState(phase: "writing")
        state.detail = "locking public.t"
        #expect(ProgressLine.text(state, elapsed: 3) == "writing: locking public.t")
        #expect(ProgressLine.text(ProgressState(phase: "planning"), elapsed: 3) == "planning")
    }

    @Test func namesAreShownEscaped() {
        var state = ProgressState(phase: "data")
        state.active = ["public.\"a\u{1b}[2Jb\""]
        #expect(ProgressLine.text(state, elapsed: 0) == "data public.\"a\\x1b[2Jb\"")
    }

    @Test func oneHundredPercentOnlyAtTheEnd() {
        #expect(ProgressLine.percent(999, 1000) == "99%")
        #expect(ProgressLine.percent(1000, 1000) == "100%")
        #expect(ProgressLine.percent(0, 0) == "100%")
    }

    @Test func durations() {
        #expect(formatDuration(0.4) == "0s")
        #expect(formatDuration(42) == "42s")
        #expect(formatDuration(245) == "4m05s")
        #expect(formatDuration(7380) == "2h03m")
        #expect(formatDuration(.infinity) == "0s")
    }
}
