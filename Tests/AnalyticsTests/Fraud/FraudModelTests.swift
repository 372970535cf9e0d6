import Foundation
import Testing
@testable import Analytics

/// The trained model against the rules baseline on planted fraud patterns,
/// determinism of scores, and the model file.
@Suite struct FraudModelTests {
    /// Trained once on scenario seed 1 and shared by the tests below.
    static let training = LabelledSet(FraudScenario().generate(seed: 1))
    static let model = try! FraudTrainer.train(training.txns, labels: training.labels)

    /// Scores `set` with `model`, returning scores, decisions and rules flags.
    func run(_ model: FraudModel, _ set: LabelledSet) -> (scores: [Double], decisions: [FraudDecision], rules: [Bool]) {
        let scorer = FraudScorer(model: model)
        let rules = FraudRules()
        var scores: [Double] = [], decisions: [FraudDecision] = [], flags: [Bool] = []
        for txn in set.txns {
            let a = scorer.assess(txn)
            scores.append(a.score)
            decisions.append(a.decision)
            flags.append(rules.flags(a.features))
        }
        return (scores, decisions, flags)
    }

    /// Trained on seed 1, evaluated on seed 2 (out of sample): at the rules'
    /// own false-positive rate the model catches more fraud.
    @Test func modelBeatsRulesOnRecallAtTheSameFalsePositiveRate() {
        let test = LabelledSet(FraudScenario().generate(seed: 2))
        let (scores, _, rules) = run(Self.model, test)
        var ruleCounts = DetectionCounts()
        for (flag, fraud) in zip(rules, test.labels) { ruleCounts.record(flagged: flag, fraud: fraud) }
        #expect(ruleCounts.frauds > 500 && ruleCounts.falsePositiveRate > 0)
        let negatives = zip(scores, test.labels).filter { !$0.1 }.map(\.0)
        let threshold = ThresholdChoice.threshold(negativeScores: negatives, targetFPR: ruleCounts.falsePositiveRate)
        var modelCounts = DetectionCounts()
        for (score, fraud) in zip(scores, test.labels) { modelCounts.record(flagged: score >= threshold, fraud: fraud) }
        #expect(modelCounts.falsePositiveRate <= ruleCounts.falsePositiveRate)
        #expect(modelCounts.recall > ruleCounts.recall + 0.1,
                "model recall \(modelCounts.recall) vs rules \(ruleCounts.recall) at FPR \(ruleCounts.falsePositiveRate)")
    }

    /// The thresholds meet their targets on the training rows.
    @Test func thresholdsMeetTheirTargetFalsePositiveRates() {
        let (_, decisions, _) = run(Self.model, Self.training)
        var block = DetectionCounts(), flagged = DetectionCounts()
        for (d, fraud) in zip(decisions, Self.training.labels) {
            block.record(flagged: d == .block, fraud: fraud)
            flagged.record(flagged: d != .allow, fraud: fraud)
        }
        #expect(block.falsePositiveRate <= 0.001)
        #expect(flagged.falsePositiveRate <= 0.01)
        #expect(flagged.falsePositiveRate > 0.005, "the REVIEW threshold is the lowest that meets 1%")
        #expect(block.recall > 0.3)
    }

    @Test func sameInputAndModelGiveTheSameScores() {
        let test = LabelledSet(FraudScenario().generate(seed: 3))
        let first = run(Self.model, test).scores.map { $0.bitPattern }
        let second = run(try! FraudModel.decode(Self.model.jsonData(), file: "m.json"), test).scores.map { $0.bitPattern }
        #expect(first == second)
    }

    /// The prefetching batch path gives exactly the one-at-a-time results,
    /// with a small store so that evictions happen too.
    @Test func batchPathGivesTheSameResultsAsOneAtATime() {
        let test = LabelledSet(FraudScenario().generate(seed: 4))
        let single = FraudScorer(model: Self.model, capacity: 500)
        let expected = test.txns.map { single.assess($0) }
        let batch = FraudScorer(model: Self.model, capacity: 500)
        var got: [FraudAssessment] = []
        test.txns.withUnsafeBufferPointer { buffer in batch.assessAll(buffer) { i, a in
            #expect(i == got.count)
            got.append(a)
        } }
        #expect(got == expected)
        #expect(batch.store.evictedCards == single.store.evictedCards && batch.store.evictedCards > 0)
    }

    @Test func trainingIsDeterministic() throws {
        let again = try FraudTrainer.train(Self.training.txns, labels: Self.training.labels)
        #expect(again.jsonData() == Self.model.jsonData())
    }

    @Test func modelJSONRoundTrip() throws {
        let data = Self.model.jsonData()
        let back = try FraudModel.decode(data, file: "model.json")
        #expect(back == Self.model)
        #expect(back.jsonData() == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"format_version\" : 1"))
        #expect(text.contains("\"amount_z_24h\""))
        #expect(text.contains("\"5816\""))
    }

    /// Edits the written model as JSON and returns the loader's message.
    func loadError(_ edit: (inout [String: Any]) -> Void) -> String? {
        var object = try! JSONSerialization.jsonObject(with: Self.model.jsonData()) as! [String: Any]
        edit(&object)
        let data = try! JSONSerialization.data(withJSONObject: object)
        do {
            _ = try FraudModel.decode(data, file: "model.json")
            return nil
        } catch let error as FraudError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func badModelFilesGiveClearErrors() {
        #expect(loadError { $0["format_version"] = 2 }?.hasPrefix("model.json: format_version: this headroom reads version 1") == true)
        #expect(loadError { $0.removeValue(forKey: "scaling") } == "model.json: field `scaling` is missing")
        #expect(loadError { $0["coefficients"] = [1.0, 2.0] }?.contains("coefficients: expected 13 numbers") == true)
        #expect(loadError { $0["coefficients"] = "many" }?.contains("field `coefficients` has the wrong type") == true)
        #expect(loadError { $0["features"] = ["amount"] }?.hasPrefix("model.json: features: expected amount_log") == true)
        #expect(loadError { $0["thresholds"] = ["review": 0.9, "block": 0.5] }?.contains("need 0 <= review <= block <= 1") == true)
        #expect(loadError {
            var scaling = $0["scaling"] as! [String: Any]
            var sd = scaling["sd"] as! [Double]
            sd[3] = 0
            scaling["sd"] = sd
            $0["scaling"] = scaling
        } == "model.json: scaling.sd[3]: a standard deviation must be positive and finite, got 0.0")
        #expect(throws: FraudError.self) { try FraudModel.decode(Data("{not json".utf8), file: "m.json") }
        do {
            _ = try FraudModel.load(path: "/nonexistent/model.json")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "/nonexistent/model.json: cannot read the model file (missing or unreadable)")
        }
    }

    @Test func badTrainingOptionsNameTheirFlags() {
        var options = FraudTrainingOptions()
        options.targetFPRBlock = 0.05
        options.targetFPRReview = 0.01
        options.l2 = -1
        #expect(options.problems().map(\.location) == ["--l2", "--review-fpr"])
        options.targetFPRBlock = 0
        options.mccSmoothing = .nan
        #expect(options.problems().map(\.location) == ["--l2", "--target-fpr", "--mcc-smoothing"])
    }
}
