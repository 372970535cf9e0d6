import Analytics
import Foundation
import Testing

/// `headroom train` and `headroom analyze fraud` in-process: a trained model
/// scores a file, twice byte for byte; bad input names file, line and
/// column and leaves no output behind.
@Suite struct FraudCommandTests {
    /// Scenario seed 5, small: 400 cards over 3 days, 80 fraud episodes.
    static let records = FraudScenario(cards: 400, days: 3, episodes: 80).generate(seed: 5)
    static let header = "txn_id,card_token,merchant_id,mcc,amount,currency,country,card_country,ts,is_fraud\n"
    static let goodRow = "t1,c1,m1,5411,12.50,EUR,FR,FR,2026-03-01 10:00:00,0\n"
    /// A model trained once on `records` (library path), shared by the tests.
    static let model: FraudModel = {
        let set = LabelledSet(records)
        return try! FraudTrainer.train(set.txns, labels: set.labels)
    }()

    @Test func trainThenScoreIsByteIdenticalAcrossRuns() throws {
        let dir = TemporaryDirectory()
        let input = dir.write("txns.csv", transactionsCSV(Self.records))
        let train = runHeadroom(["train", "--transactions", input, "--out", dir.path + "/model.json", "--target-fpr", "0.5%"])
        #expect(train.exitCode == 0, "\(train.message)")
        let model = try FraudModel.load(path: dir.path + "/model.json")
        #expect(model.training.targetFPRBlock == 0.005)
        #expect(model.training.rows == Self.records.count)
        for name in ["a.csv", "b.csv"] {
            let run = runHeadroom(["analyze", "fraud", "--transactions", input, "--model", dir.path + "/model.json", "--out", dir.path + "/" + name])
            #expect(run.exitCode == 0, "\(run.message)")
        }
        let a = try #require(dir.read("a.csv")), b = try #require(dir.read("b.csv"))
        #expect(a == b)
        let lines = a.split(separator: "\n")
        #expect(lines.first == "txn_id,score,decision")
        #expect(lines.count == Self.records.count + 1)
        #expect(lines[1].hasPrefix(Self.records[0].txnID + ",0."))
        let decisions = Set(lines.dropFirst().map { $0.split(separator: ",")[2] })
        #expect(decisions == ["ALLOW", "REVIEW", "BLOCK"])
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",")[1].split(separator: ".")[1].count == 6 })
    }

    @Test func scoresMatchTheLibraryInTimeOrder() throws {
        let dir = TemporaryDirectory()
        // Rows reversed in the file: features must still follow ts order.
        let input = dir.write("txns.csv", transactionsCSV(Self.records.reversed(), labels: false))
        let set = LabelledSet(Self.records)
        let model = Self.model
        FileManager.default.createFile(atPath: dir.path + "/model.json", contents: model.jsonData())
        let run = runHeadroom(["analyze", "fraud", "--transactions", input, "--model", dir.path + "/model.json", "--out", dir.path + "/out.csv"])
        #expect(run.exitCode == 0, "\(run.message)")
        let scorer = FraudScorer(model: model)
        var expected: [String: String] = [:]
        for (record, txn) in zip(Self.records, set.txns) {
            let a = scorer.assess(txn)
            expected[record.txnID] = fixed(a.score, 6) + "," + a.decision.rawValue
        }
        let lines = try #require(dir.read("out.csv")).split(separator: "\n").dropFirst()
        #expect(lines.first?.hasPrefix(Self.records.last!.txnID + ",") == true, "output follows input order")
        for line in lines {
            let parts = line.split(separator: ",", maxSplits: 1)
            #expect(expected[String(parts[0])] == String(parts[1]), "\(line)")
        }
    }

    /// Runs a fraud command on `contents` and checks the failure.
    func expectFailure(_ contents: String, train: Bool = false, mentions: [String]) throws {
        let dir = TemporaryDirectory()
        let input = dir.write("txns.csv", contents)
        var files = ["txns.csv"]
        var arguments = ["train", "--transactions", input, "--out", dir.path + "/model.json"]
        if !train {
            FileManager.default.createFile(atPath: dir.path + "/model.json", contents: Self.model.jsonData())
            files.insert("model.json", at: 0)
            arguments = ["analyze", "fraud", "--transactions", input, "--model", dir.path + "/model.json", "--out", dir.path + "/out.csv"]
        }
        let outcome = runHeadroom(arguments)
        #expect(outcome.exitCode != 0)
        for m in mentions { #expect(outcome.message.contains(m), "\(outcome.message) should mention \(m)") }
        #expect(dir.files() == files, "no output file may be left behind: \(dir.files())")
    }

    @Test func badInputNamesFileLineAndColumn() throws {
        for train in [false, true] {
            try expectFailure("", train: train, mentions: ["txns.csv, line 1"])
            try expectFailure(Self.header, train: train, mentions: ["txns.csv, line 2", "at least one data row"])
            try expectFailure("txn_id,card_token,merchant_id,mcc,amount,currency,country,ts,is_fraud\nt,c,m,5411,1,EUR,FR,2026-03-01 10:00:00,0\n",
                              train: train, mentions: ["line 1, column card_country"])
            try expectFailure(Self.header + Self.goodRow + Self.goodRow + "t3,c1,m1,5411,12.50,EUR,FR,FR,2026-03-01 10:61:00,0\n",
                              train: train, mentions: ["txns.csv, line 4, column ts", "ISO 8601"])
            try expectFailure(Self.header + Self.goodRow + "t2,c1,m1,5411,twelve,EUR,FR,FR,2026-03-01 10:00:00,0\n",
                              train: train, mentions: ["txns.csv, line 3, column amount", "\"twelve\""])
            try expectFailure(Self.header + "t2,c1,m1,54110,1,EUR,FR,FR,2026-03-01 10:00:00,0\n",
                              train: train, mentions: ["line 2, column mcc", "4 digits"])
            try expectFailure(Self.header + "t2,c1,m1,5411,-1,EUR,FR,FR,2026-03-01 10:00:00,0\n",
                              train: train, mentions: ["line 2, column amount", "non-negative"])
            try expectFailure(Self.header + "t2,c1,m1,5411,1000000000.01,EUR,FR,FR,2026-03-01 10:00:00,0\n",
                              train: train, mentions: ["line 2, column amount", "at most 1000000000"])
            try expectFailure(Self.header + "t2,c1,m1,5411,1,EUR,FR,FR,2026-03-01 10:00:00,maybe\n",
                              train: train, mentions: ["line 2, column is_fraud"])
        }
        try expectFailure(Self.header + "t2,c1,m1,5411,1,EUR,FR,FR,2026-03-01 10:00:00,\n",
                          train: true, mentions: ["line 2, column is_fraud", "every row labelled"])
        try expectFailure(String(Self.header.dropLast(",is_fraud\n".count)) + "\nt2,c1,m1,5411,1,EUR,FR,FR,2026-03-01 10:00:00\n",
                          train: true, mentions: ["line 1, column is_fraud"])
        try expectFailure(Self.header + Self.goodRow, train: true, mentions: ["needs both fraud and legitimate"])
    }

    @Test func badModelFileIsAClearErrorAndWritesNothing() {
        let dir = TemporaryDirectory()
        let input = dir.write("txns.csv", Self.header + Self.goodRow)
        dir.write("model.json", "{\"format\": \"headroom-fraud-model\"}")
        let outcome = runHeadroom(["analyze", "fraud", "--transactions", input, "--model", dir.path + "/model.json", "--out", dir.path + "/out.csv"])
        #expect(outcome.exitCode != 0)
        #expect(outcome.message.contains("model.json: field `format_version` is missing"), "\(outcome.message)")
        #expect(dir.files() == ["model.json", "txns.csv"])
        let missing = runHeadroom(["analyze", "fraud", "--transactions", input, "--model", dir.path + "/none.json"])
        #expect(missing.message.contains("none.json: cannot read the model file"), "\(missing.message)")
    }

    @Test func badTrainingFlagsNameTheFlag() {
        let dir = TemporaryDirectory()
        let input = dir.write("txns.csv", Self.header + Self.goodRow)
        let outcome = runHeadroom(["train", "--transactions", input, "--out", dir.path + "/m.json", "--target-fpr", "5%", "--review-fpr", "1%"])
        #expect(outcome.exitCode != 0)
        #expect(outcome.message.contains("--review-fpr"), "\(outcome.message)")
        let rate = runHeadroom(["train", "--transactions", input, "--out", dir.path + "/m.json", "--target-fpr", "lots"])
        #expect(rate.message.contains("invalid --target-fpr: \"lots\" is not a rate"), "\(rate.message)")
    }

    @Test func skipBadRowsScoresTheRest() throws {
        let dir = TemporaryDirectory()
        FileManager.default.createFile(atPath: dir.path + "/model.json", contents: Self.model.jsonData())
        let input = dir.write("txns.csv", Self.header + Self.goodRow + "t2,c1,m1,5411,x,EUR,FR,FR,2026-03-01 10:00:00,0\n")
        let run = runHeadroom(["analyze", "fraud", "--transactions", input, "--model", dir.path + "/model.json",
                               "--out", dir.path + "/out.csv", "--skip-bad-rows"])
        #expect(run.exitCode == 0, "\(run.message)")
        #expect(dir.read("out.csv")?.split(separator: "\n").count == 2)
    }
}
