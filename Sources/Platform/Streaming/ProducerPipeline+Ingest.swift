import Variates

extension ProducerPipeline {
    /// Takes one record arriving at `record.arrivalNanos` through its
    /// region's gateway into a producer batch; batches that close on the way
    /// (linger expired, batch full) are appended to `logs`.
    mutating func add(_ incoming: StreamRecord, into logs: inout [PartitionLog]) {
        var record = incoming
        let (region, moved) = chooseRegion(at: record.arrivalNanos)
        record.region = UInt8(region)
        generated += 1
        regionGenerated[region] += 1
        var g = record.arrivalNanos + nanos(validation[region].sample(stream))
        if let penalty = moved {
            record.flags |= 4
            g += penalty
        }
        g = max(g, lastGateway[region])
        lastGateway[region] = g
        gatewayLatency.record(nanos: g - record.arrivalNanos)
        closeExpired(upTo: g, into: &logs)
        let p = partition(of: record)
        let a = region * partitions + p
        if accumulators[a].records.isEmpty {
            accumulators[a].openedAt = g
            accumulators[a].serial &+= 1
            lingerQueue.append(Linger(closeAt: g + linger[region], accumulator: Int32(a), serial: accumulators[a].serial))
        }
        record.visibleNanos = g  // the time it joined the batch, until appended
        accumulators[a].records.append(record)
        accumulators[a].bytes += recordBytes
        pending += 1
        if accumulators[a].bytes >= batchSize[region] { close(a, at: g, into: &logs) }
    }

    /// Closes every batch whose linger expires at or before `time`, and
    /// appends the batches that reach their leader by then.
    mutating func closeExpired(upTo time: Int64, into logs: inout [PartitionLog]) {
        while lingerHead < lingerQueue.count && lingerQueue[lingerHead].closeAt <= time {
            let l = lingerQueue[lingerHead]
            lingerHead += 1
            let a = Int(l.accumulator)
            if accumulators[a].serial == l.serial && !accumulators[a].records.isEmpty { close(a, at: l.closeAt, into: &logs) }
        }
        if lingerHead > 1024 && lingerHead * 2 > lingerQueue.count {
            lingerQueue.removeSubrange(0..<lingerHead)
            lingerHead = 0
        }
        deliver(upTo: time, into: &logs)
    }

    /// Appends, in order of arrival at the leader, every batch in transit
    /// that reaches it by `time` (a merge of the per-region queues).
    mutating func deliver(upTo time: Int64, into logs: inout [PartitionLog]) {
        while true {
            var best = -1
            var bestReach = Int64.max
            for q in transit.indices {
                if let r = transit[q].next, r <= time, r < bestReach { best = q; bestReach = r }
            }
            if best < 0 { return }
            let t = transit[best].pop()
            append(t.records, region: best / 2, partition: t.partition, at: t.reach, into: &logs)
        }
    }

    /// Sends batch `a` at `time`: drop it if its region is down, else put it
    /// in transit to the leader (the region's cross-region latency), and with
    /// the retry probability queue a second copy after the retry backoff
    /// (the duplicates a retry after a lost ack creates).
    mutating func close(_ a: Int, at time: Int64, into logs: inout [PartitionLog]) {
        let region = a / partitions, p = a % partitions
        let batch = accumulators[a].records
        accumulators[a].records.removeAll(keepingCapacity: true)
        accumulators[a].bytes = 0
        if !outages.isEmpty && isDown(region, at: time) {
            droppedOutage += Int64(batch.count)
            pending -= Int64(batch.count)
            return
        }
        let reach = time + crossRegion[region]
        transit[2 * region].items.append(Transit(reach: reach, partition: p, records: batch))
        if retryProbability[region] > 0 && stream.uniform() < retryProbability[region] {
            var copies = batch
            for i in copies.indices { copies[i].flags |= 2 }
            generated += Int64(copies.count)
            pending += Int64(copies.count)
            transit[2 * region + 1].items.append(Transit(reach: reach + retryBackoff[region], partition: p, records: copies))
        }
        deliver(upTo: time, into: &logs)
    }

    /// Appends `batch`, reaching partition `p`'s leader at `reach`: the wait
    /// behind the leader broker's (and the partition's) byte backlog, the
    /// append time, then each follower's backlog plus its replication time
    /// (brokers take bytes at min(network in, disk)); visible once
    /// `min.insync.replicas - 1` followers have it.
    mutating func append(_ batch: [StreamRecord], region: Int, partition p: Int, at reach: Int64, into logs: inout [PartitionLog]) {
        let bytes = Double(batch.count * recordBytes)
        let wire = Int64(bytes * brokerNanosPerByte)
        let leader = p % brokers
        let throttle = partitionNanosPerByte > 0 ? partitionQueue[p].request(at: reach, work: Int64(bytes * partitionNanosPerByte)) : 0
        let start = reach + max(throttle, brokerQueue[leader].request(at: reach, work: wire))
        let appended = start + wire + nanos(leaderAppend[region].sample(stream))
        brokerBytes[leader] += Int64(bytes)
        var committed = appended
        if replicationFactor > 1 {
            followerDone.removeAll(keepingCapacity: true)
            for i in 1..<replicationFactor {
                let f = (leader + i) % brokers
                let s = appended + brokerQueue[f].request(at: appended, work: wire)
                brokerBytes[f] += Int64(bytes)
                followerDone.append(s + wire + nanos(replication[region].sample(stream)))
            }
            if minInsync > 1 {
                followerDone.sort()
                committed = max(appended, followerDone[minInsync - 2])
            }
        }
        for r in batch {
            logs[p].append(r, visible: committed)
            produceLatency.record(nanos: logs[p].lastVisible - r.visibleNanos)
        }
        pending -= Int64(batch.count)
    }
}

/// Seconds (a Variates sample) to whole nanoseconds, never negative.
@inline(__always)
func nanos(_ seconds: Double) -> Int64 { seconds > 0 ? Int64(seconds * 1e9) : 0 }
