import ArgumentParser
import Testing
@testable import HeadroomCLI

@Suite("headroom size")
struct SizeCommandTests {
    /// The error message `headroom size <arguments>` prints, or nil when the arguments are valid.
    func failure(_ arguments: [String]) -> String? {
        do {
            _ = try HeadroomCommand.parseAsRoot(["size"] + arguments)
            return nil
        } catch {
            return HeadroomCommand.message(for: error)
        }
    }

    @Test("bad flags name the flag and show an accepted form", arguments: [
        (["--event-rate=-5/s"], "--event-rate", "50k/s"),
        (["--event-size", "10 KBs"], "--event-size", "1KB"),
        (["--retention", "0d"], "--retention", "365d"),
        (["--retention", "3mo"], "--retention", "30d"),
        (["--target-utilization", "1.2"], "--target-utilization", "0.7"),
        (["--broker-disk-throughput", "250MBps"], "--broker-disk-throughput", "250 MiB/s"),
        (["--replication-factor", "three"], "--replication-factor", "3"),
    ])
    func badFlags(arguments: [String], flag: String, example: String) throws {
        let message = try #require(failure(arguments), "\(arguments) should be rejected")
        #expect(message.contains(flag), "\(message)")
        #expect(message.contains(example), "\(message)")
    }

    @Test("defaults are the fraud service and parse cleanly")
    func defaults() throws {
        #expect(failure([]) == nil)
        let command = try #require(try HeadroomCommand.parseAsRoot(["size", "--json"]) as? SizeCommand)
        let inputs = try command.sizingInputs()
        #expect(inputs.eventRate.perSecond == 50_000)
        #expect(inputs.claims == ["1,576.8 TB ≈ 1.54 PB"])
        let changed = try #require(try HeadroomCommand.parseAsRoot(["size", "--event-rate", "10k/s"]) as? SizeCommand)
        #expect(try changed.sizingInputs().claims.isEmpty)
    }
}
