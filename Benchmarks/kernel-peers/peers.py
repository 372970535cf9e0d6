"""M/M/1 and M/M/8 at rho = 0.9 in SimPy and Ciw, timed like `headroom bench kernel`.

Same models as the Headroom benchmark: mean service 1 s, lambda = 0.9 c per
second, one arrival and one departure counted as two events (whatever the
library schedules internally). Prints one JSON object per line:
{"name": "simpy-mm1", "events": ..., "seconds": ..., "events_per_second": ...,
 "mean_wait": ...}; the mean wait is printed to show each model is the
M/M/c it claims to be (M/M/1: 9 s, M/M/8: Erlang C gives about 0.83 s).

Usage: peers.py SIMPY_CUSTOMERS CIW_CUSTOMERS
"""
import json
import random
import sys
import time

import ciw
import simpy


def simpy_mmc(servers, customers, seed=1):
    rng = random.Random(seed)
    env = simpy.Environment()
    desk = simpy.Resource(env, capacity=servers)
    lam = 0.9 * servers
    waits = []

    def customer(env):
        arrived = env.now
        with desk.request() as req:
            yield req
            waits.append(env.now - arrived)
            yield env.timeout(rng.expovariate(1.0))

    def source(env):
        for _ in range(customers):
            yield env.timeout(rng.expovariate(lam))
            env.process(customer(env))

    env.process(source(env))
    start = time.perf_counter()
    env.run()
    seconds = time.perf_counter() - start
    return seconds, sum(waits) / len(waits)


def ciw_mmc(servers, customers, seed=1):
    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(rate=0.9 * servers)],
        service_distributions=[ciw.dists.Exponential(rate=1.0)],
        number_of_servers=[servers],
    )
    ciw.seed(seed)
    sim = ciw.Simulation(network)
    start = time.perf_counter()
    sim.simulate_until_max_customers(customers, method="Finish")
    seconds = time.perf_counter() - start
    records = sim.get_all_records()
    return seconds, sum(r.waiting_time for r in records) / len(records)


def main():
    simpy_customers = int(sys.argv[1])
    ciw_customers = int(sys.argv[2])
    for name, run, customers in [("simpy", simpy_mmc, simpy_customers), ("ciw", ciw_mmc, ciw_customers)]:
        for servers in (1, 8):
            seconds, wait = run(servers, customers)
            print(json.dumps({"name": f"{name}-mm{servers}", "events": 2 * customers, "seconds": round(seconds, 4),
                              "events_per_second": round(2 * customers / seconds), "mean_wait": round(wait, 4)}),
                  flush=True)


if __name__ == "__main__":
    main()
