import Dispatch
import Glibc
import ScalpelArchive
import Support

/// How a command shows its progress on standard error: `auto` redraws one line
/// while standard error is a terminal and otherwise writes `plain` lines, which
/// carry no carriage return or escape and suit cron mail and journald; `none` is silence.
public enum ProgressMode: String, CaseIterable, Sendable {
    case auto, plain, none
}

/// The progress of a long command, on standard error only: standard output is the
/// command's result (a report, rows, an archive), which progress must never mix into.
///
/// The work only changes the state, cheaply, under a lock: a timer draws it, every
/// 0.2 s on a terminal and every `interval` seconds in plain lines, so a loop that
/// reports each chunk pays no clock or formatting, and a phase that reports
/// nothing for minutes (an index build) still shows it is alive.
public final class Progress: @unchecked Sendable {  // its state is guarded by `lock`
    public typealias Clock = @Sendable () -> Double

    private let label: String
    private let live: Bool
    private let clock: Clock
    private let output: @Sendable (String) -> Void
    private let lock = Condition()
    private var timer: (any DispatchSourceTimer)?
    private let started: Double
    // Guarded by `lock`.
    private var state = ProgressState(phase: "")
    private var phaseStarted: Double
    /// Nothing to show: before the first report, and after `finish` until the next.
    private var idle = true
    private var drawn = false

    /// Nil for `none`. `ticking`: false where a caller (a test) calls `tick` itself.
    public init?(label: String, mode: ProgressMode = .auto, interval: Double = 10,
                 terminal: Bool = FileDescriptor.standardError.isTerminal, ticking: Bool = true,
                 clock: @escaping Clock = monotonicSeconds, output: @escaping @Sendable (String) -> Void = writeStandardError) {
        guard mode != .none else { return nil }
        self.label = label
        live = mode == .auto && terminal
        self.clock = clock
        self.output = output
        started = clock()
        phaseStarted = started
        guard ticking else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        let period = live ? 0.2 : max(interval, 0.01)
        timer.schedule(deadline: .now() + period, repeating: period, leeway: .milliseconds(20))
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
        self.timer = timer
    }

    deinit {
        timer?.cancel()
    }

    /// A new phase, with what the index knows of its size; its rate starts from here.
    public func begin(_ phase: String, bytes: UInt64? = nil, rows: UInt64? = nil, items: Int? = nil, unit: String = "tables") {
        lock.withLock {
            state = ProgressState(phase: phase)
            state.totalBytes = bytes
            state.totalRows = rows
            if rows != nil { state.rows = 0 }
            state.totalItems = items
            state.unit = unit
            phaseStarted = clock()
            idle = false
        }
    }

    /// What the phase is at, in words: the statement running (`INDEX public.t_idx`).
    public func update(_ text: String) {
        lock.withLock {
            state.detail = text
            idle = false
        }
    }

    /// Adds what was done since the last call: bytes read or written, rows, items finished.
    public func advance(bytes: UInt64 = 0, rows: UInt64 = 0, items: Int = 0) {
        lock.withLock {
            state.bytes += bytes
            if rows > 0 { state.rows = (state.rows ?? 0) + rows }
            state.items += items
        }
    }

    /// Sets the counts outright, for work that keeps its own totals (a builder's
    /// bytes in); `active`, the one item in flight, or none.
    public func set(bytes: UInt64? = nil, rows: UInt64? = nil, note: String? = nil, active: String?? = .none) {
        lock.withLock {
            if let bytes { state.bytes = bytes }
            if let rows { state.rows = rows }
            if let note { state.note = note }
            if case .some(let item) = active { state.active = item.map { [$0] } ?? [] }
            idle = false
        }
    }

    /// A table (or other item) started; the line names it while it is in flight.
    public func started(_ item: String) {
        lock.withLock {
            state.active.append(item)
            idle = false
        }
    }

    /// The item is done: it counts as one more of `items`.
    public func ended(_ item: String) {
        lock.withLock {
            if let at = state.active.firstIndex(of: item) { state.active.remove(at: at) }
            state.items += 1
        }
    }

    /// Draws the line as it stands; the timer calls it.
    public func tick() {
        lock.withLock {
            guard !idle else { return }
            let now = clock()
            let text = ProgressLine.text(state, elapsed: now - phaseStarted)
            if live {
                output("\r\u{1b}[K" + String("\(label): \(text)".prefix(terminalColumns() - 1)))
                drawn = true
            } else {
                output("\(label) \(formatDuration((now - started).rounded(.down))): \(text)\n")
            }
        }
    }

    /// Clears the live line so that what follows starts on a clean one; a later
    /// report starts showing again.
    public func finish() {
        lock.withLock {
            if drawn { output("\r\u{1b}[K") }
            drawn = false
            idle = true
        }
    }
}

/// Seconds from an arbitrary start that never go back, as rates and intervals need.
public func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// The terminal's width, so that the live line never wraps: a wrapped line cannot
/// be redrawn in place.
private func terminalColumns() -> Int {
    var size = winsize()
    guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 10 else { return 80 }
    return Int(size.ws_col)
}
