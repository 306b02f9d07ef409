@testable import Recovery
import Dispatch
import Support
import Testing

/// When and how the meter draws, against a clock the test moves: no test sleeps.
@Suite struct ProgressTests {
    /// The time and the text written, shared with the meter as its clock and output.
    final class Recorder: @unchecked Sendable {  // guarded by `lock`
        private let lock = Condition()
        private var seconds = 100.0
        private var written: [String] = []
        var now: Double {
            get { lock.withLock { seconds } }
            set { lock.withLock { seconds = newValue } }
        }
        var output: String { lock.withLock { written.joined() } }
        func write(_ text: String) { lock.withLock { written.append(text) } }
        func meter(_ mode: ProgressMode, terminal: Bool) -> Progress? {
            Progress(label: "restore", mode: mode, terminal: terminal, ticking: false,
                     clock: { [self] in now }, output: { [self] in write($0) })
        }
    }

    @Test func plainLinesCarryNoCarriageReturnAndSayHowLongItRan() throws {
        let recorder = Recorder()
        let progress = try #require(recorder.meter(.plain, terminal: true))
        progress.tick()
        #expect(recorder.output.isEmpty, "nothing reported yet: nothing drawn")
        recorder.now += 2
        progress.begin("data", bytes: 300 << 20, items: 2)
        progress.started("public.big")
        recorder.now += 10
        progress.advance(bytes: 100 << 20)
        progress.tick()
        #expect(recorder.output == "restore 12s: data public.big: 100.0 MiB of 300.0 MiB (33%), 10.0 MiB/s, 20s left, 0 of 2 tables\n")
        progress.ended("public.big")
        progress.finish()
        progress.tick()
        #expect(!recorder.output.contains("\r") && recorder.output.split(separator: "\n").count == 1)
    }

    @Test func autoOffATerminalIsPlain() throws {
        let recorder = Recorder()
        let progress = try #require(recorder.meter(.auto, terminal: false))
        progress.begin("schema")
        progress.tick()
        #expect(recorder.output == "restore 0s: schema\n")
    }

    @Test func onATerminalOneLineIsRedrawnAndClearedAtTheEnd() throws {
        let recorder = Recorder()
        let progress = try #require(recorder.meter(.auto, terminal: true))
        progress.begin("schema")
        progress.tick()
        progress.update("TABLE public.t")
        progress.tick()
        progress.finish()
        progress.tick()
        #expect(recorder.output == "\r\u{1b}[Krestore: schema\r\u{1b}[Krestore: schema: TABLE public.t\r\u{1b}[K")
    }

    @Test func noneIsNoMeter() {
        #expect(Recorder().meter(.none, terminal: true) == nil)
    }

    /// Loading threads report at once; the totals add up.
    @Test func reportsFromManyThreadsAddUp() throws {
        let recorder = Recorder()
        let progress = try #require(recorder.meter(.plain, terminal: false))
        progress.begin("data", bytes: 4000, items: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { table in
            progress.started("t\(table)")
            for _ in 0..<1000 { progress.advance(bytes: 1) }
            progress.ended("t\(table)")
        }
        progress.tick()
        #expect(recorder.output == "restore 0s: data: 3.9 KiB of 3.9 KiB (100%), 4 of 4 tables\n")
    }
}
