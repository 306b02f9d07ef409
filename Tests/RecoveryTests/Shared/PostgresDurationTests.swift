@testable import Recovery
import Testing
import TestSupport

/// Durations checked as PostgreSQL's time settings read them, before any server sees them.
@Suite struct PostgresDurationTests {
    @Test func durationsAsTheServerReadsThem() {
        #expect(PostgresDuration.milliseconds("10s") == 10_000)
        #expect(PostgresDuration.milliseconds("250") == 250)
        #expect(PostgresDuration.milliseconds(" 1.5 min ") == 90_000)
        #expect(PostgresDuration.milliseconds("100us") == 0.1)
        #expect(PostgresDuration.milliseconds("0") == 0)
        for bad in ["-5s", "-1", "5 sec", "10S", "", "s", ".", "1e3", "25d"] {
            #expect(PostgresDuration.milliseconds(bad) == nil, "\(bad)")
        }
    }
}
