/* M/M/1 at rho = 0.9 as a hand-written C loop: the floor for the kernel.
 *
 * Same model as `headroom bench kernel` (lambda = 0.9/s, mean service 1 s,
 * times in integer nanoseconds, an arrival and a departure are two events),
 * with an inlined xoshiro256** generator, exponentials by -mean*log(u), a
 * binary heap of (time, sequence, kind) events, and the same statistics a
 * Headroom station keeps in their cheapest form: sum of waits, sum of
 * sojourns, time-integral of the number in system. No histogram.
 *
 * Build and run:  gcc -O2 -o mm1 mm1.c -lm && ./mm1 [customers]
 * Prints: events, seconds, events per second, mean wait, mean sojourn.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t s[4];
static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static inline uint64_t next(void) {
    uint64_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
    return r;
}
static inline double expo(double mean) {
    double u = (double)((next() >> 11) + 1) * 0x1p-53;
    return -mean * log(u);
}
static uint64_t splitmix(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL; z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

typedef struct { int64_t time; uint64_t seq; int kind; } event;
static event heap[64];
static int n;
static uint64_t seq;
static inline int before(const event *a, const event *b) {
    return a->time < b->time || (a->time == b->time && a->seq < b->seq);
}
static inline void push(int64_t time, int kind) {
    event e = { time, seq++, kind };
    int i = n++;
    while (i > 0) { int p = (i - 1) / 2; if (!before(&e, &heap[p])) break; heap[i] = heap[p]; i = p; }
    heap[i] = e;
}
static inline event pop(void) {
    event top = heap[0], last = heap[--n];
    int i = 0;
    for (;;) {
        int c = 2 * i + 1; if (c >= n) break;
        if (c + 1 < n && before(&heap[c + 1], &heap[c])) c++;
        if (!before(&heap[c], &last)) break;
        heap[i] = heap[c]; i = c;
    }
    heap[i] = last;
    return top;
}
static inline int64_t ns(double seconds) { return (int64_t)llround(seconds * 1e9); }

int main(int argc, char **argv) {
    long customers = argc > 1 ? atol(argv[1]) : 10000000;
    uint64_t x = 1; for (int i = 0; i < 4; i++) s[i] = splitmix(&x);
    static int64_t queue[1 << 22]; /* arrival times of waiting customers (ring) */
    long head = 0, waiting = 0, arrived = 0, served = 0, events = 0;
    int busy = 0;
    int64_t now = 0, last = 0, in_service_arrival = 0;
    double wait_sum = 0, sojourn_sum = 0, area = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    push(ns(expo(1 / 0.9)), 0);
    while (served < customers) {
        event e = pop(); now = e.time; events++;
        area += (double)(waiting + busy) * (double)(now - last); last = now;
        if (e.kind == 0) {
            arrived++;
            if (arrived < customers) push(now + ns(expo(1 / 0.9)), 0);
            if (!busy) { busy = 1; in_service_arrival = now; push(now + ns(expo(1.0)), 1); }
            else { queue[(head + waiting++) & ((1 << 22) - 1)] = now; }
        } else {
            served++;
            sojourn_sum += (double)(now - in_service_arrival) * 1e-9;
            if (waiting) {
                in_service_arrival = queue[head]; head = (head + 1) & ((1 << 22) - 1); waiting--;
                wait_sum += (double)(now - in_service_arrival) * 1e-9;
                push(now + ns(expo(1.0)), 1);
            } else busy = 0;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
    printf("{\"name\": \"c-mm1\", \"events\": %ld, \"seconds\": %.4f, \"events_per_second\": %.0f, "
           "\"mean_wait\": %.6f, \"mean_sojourn\": %.6f, \"mean_in_system\": %.6f}\n",
           events, secs, events / secs, wait_sum / served, sojourn_sum / served, area / (double)now);
    return 0;
}
