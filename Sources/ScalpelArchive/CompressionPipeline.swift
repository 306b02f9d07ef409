import Support

/// Compresses members on every core while handing them back in order. Memory is
/// bounded: at most `maxInFlight` members are queued or being compressed, and
/// `submit` blocks past that, which in turn slows pg_dump down through its pipe.
final class CompressionPipeline: @unchecked Sendable {
    struct Compressed {
        var member: [UInt8]
        var uncompressedLength: Int
        var crc: UInt32
    }

    private let condition = Condition()
    // Guarded by `condition`.
    private var queue: [(sequence: Int, bytes: [UInt8])] = []
    private var finished: [Int: Compressed] = [:]
    private var failure: (any Error)?
    private var closing = false
    private var submitted = 0
    private var delivered = 0
    private var runningWorkers = 0

    private let maxInFlight: Int

    init(backend: CompressionBackend, level: Int, threads: Int) throws {
        let threads = max(1, threads)
        maxInFlight = threads * 3
        let deflaters = try (0..<threads).map { _ in try makeDeflater(backend, level: level) }
        runningWorkers = threads
        for deflater in deflaters {
            let box = DeflaterBox(deflater)
            startThread { [self] in self.work(box.deflater) }
        }
    }

    /// Queues one member's bytes; calls `deliver` (on this thread) for every member
    /// whose turn has come, in submission order.
    func submit(_ bytes: [UInt8], deliver: (Compressed) throws -> Void) throws {
        condition.lock()
        while submitted - delivered >= maxInFlight && failure == nil && finished[delivered] == nil {
            condition.wait()
        }
        queue.append((submitted, bytes))
        submitted += 1
        condition.broadcast()
        condition.unlock()
        try deliverReady(waitForAll: false, deliver)
    }

    /// Waits for every member submitted so far and delivers them, then stops the workers.
    func finish(deliver: (Compressed) throws -> Void) throws {
        defer { close() }
        try deliverReady(waitForAll: true, deliver)
    }

    /// Stops the workers without waiting for queued members (used on failure).
    func close() {
        condition.lock()
        closing = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func deliverReady(waitForAll: Bool, _ deliver: (Compressed) throws -> Void) throws {
        while true {
            condition.lock()
            if waitForAll {
                while finished[delivered] == nil && failure == nil && delivered < submitted { condition.wait() }
            }
            if let failure {
                condition.unlock()
                throw failure
            }
            guard let next = finished.removeValue(forKey: delivered) else {
                condition.unlock()
                return
            }
            delivered += 1
            condition.broadcast()
            condition.unlock()
            try deliver(next)
        }
    }

    private func work(_ deflater: any RawDeflater) {
        while true {
            condition.lock()
            while queue.isEmpty && !closing { condition.wait() }
            if closing {
                runningWorkers -= 1
                condition.unlock()
                return
            }
            let job = queue.removeFirst()
            condition.unlock()

            let result: Result<Compressed, any Error> = Result {
                try job.bytes.withUnsafeBytes { input in
                    let crc = crc32(input)
                    let deflated = try deflater.deflate(input)
                    return Compressed(member: GzipMember.frame(deflated: deflated, crc: crc, uncompressedLength: input.count),
                                      uncompressedLength: input.count, crc: crc)
                }
            }

            condition.lock()
            switch result {
            case .success(let compressed): finished[job.sequence] = compressed
            case .failure(let error): failure = failure ?? error
            }
            condition.broadcast()
            condition.unlock()
        }
    }
}

/// Hands one deflater to exactly one worker thread, which is its only user.
private final class DeflaterBox: @unchecked Sendable {
    let deflater: any RawDeflater
    init(_ deflater: any RawDeflater) { self.deflater = deflater }
}
