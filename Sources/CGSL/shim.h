/*
 * CGSL shim: the parts of GNU GSL that Headroom calls, plus accessors for the
 * mutable generator-type globals that Swift 6 strict concurrency rejects
 * (`gsl_rng_mt19937` and friends are `GSL_VAR const gsl_rng_type *`, i.e.
 * mutable global pointers). Swift code calls `cgsl_rng_mt19937()` instead.
 */
#ifndef HEADROOM_CGSL_SHIM_H
#define HEADROOM_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_version.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_zeta.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_interp.h>
#include <gsl/gsl_spline.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_roots.h>

/// The version string of the linked GSL library.
static inline const char *cgsl_version(void) { return gsl_version; }
/// Mersenne Twister MT19937 generator type (GSL's default).
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
/// L'Ecuyer's MRG32k3a combined multiple recursive generator type.
static inline const gsl_rng_type *cgsl_rng_mrg(void) { return gsl_rng_mrg; }
/// RANLUX second-generation generator type, luxury level 2.
static inline const gsl_rng_type *cgsl_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
/// Brent's root bracketing solver type.
static inline const gsl_root_fsolver_type *cgsl_root_fsolver_brent(void) { return gsl_root_fsolver_brent; }
/// Steffen interpolation type: monotone, no overshoot between points.
static inline const gsl_interp_type *cgsl_interp_steffen(void) { return gsl_interp_steffen; }
/// Periodic cubic spline interpolation type (for 24-hour curves).
static inline const gsl_interp_type *cgsl_interp_cspline_periodic(void) { return gsl_interp_cspline_periodic; }
/// Linear interpolation type.
static inline const gsl_interp_type *cgsl_interp_linear(void) { return gsl_interp_linear; }

#include <stdint.h>

/*
 * xoshiro256** (Blackman & Vigna, 2018) as a GSL generator type, so that
 * GSL's samplers (gamma, Poisson, alias tables, ...) and Headroom's inlined
 * Swift hot path (uniform and exponential draws) consume one and the same
 * stream. The Swift side reads and advances the same 4-word state directly.
 * `get` returns the upper 32 bits (GSL's integer interface assumes a range of
 * at most 32 bits for most samplers); `get_double` returns 53-bit doubles in
 * [0, 1), the same formula the Swift fast path uses.
 */
typedef struct { uint64_t s[4]; } cgsl_xoshiro_state;

static inline uint64_t cgsl_rotl64(const uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t cgsl_xoshiro_next(cgsl_xoshiro_state *st) {
    uint64_t *s = st->s;
    const uint64_t result = cgsl_rotl64(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = cgsl_rotl64(s[3], 45);
    return result;
}

/// SplitMix64 step: the seeding function recommended for xoshiro.
static inline uint64_t cgsl_splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void cgsl_xoshiro_set(void *vstate, unsigned long int seed) {
    cgsl_xoshiro_state *st = (cgsl_xoshiro_state *)vstate;
    uint64_t x = (uint64_t)seed;
    for (int i = 0; i < 4; i++) st->s[i] = cgsl_splitmix64(&x);
}

static unsigned long int cgsl_xoshiro_get(void *vstate) {
    return (unsigned long int)(cgsl_xoshiro_next((cgsl_xoshiro_state *)vstate) >> 32);
}

static double cgsl_xoshiro_get_double(void *vstate) {
    return (double)(cgsl_xoshiro_next((cgsl_xoshiro_state *)vstate) >> 11) * 0x1.0p-53;
}

/// The xoshiro256** generator type for `gsl_rng_alloc`.
static inline const gsl_rng_type *cgsl_rng_xoshiro256ss(void) {
    static const gsl_rng_type type = {
        "xoshiro256**", 0xffffffffUL, 0, sizeof(cgsl_xoshiro_state),
        &cgsl_xoshiro_set, &cgsl_xoshiro_get, &cgsl_xoshiro_get_double
    };
    return &type;
}

/// The 4-word state of a generator allocated with `cgsl_rng_xoshiro256ss()`.
static inline uint64_t *cgsl_xoshiro_words(gsl_rng *r) { return ((cgsl_xoshiro_state *)r->state)->s; }

/*
 * Cache prefetch hint (not GSL): the fraud scorer's batch path asks for the
 * state of a card a few transactions ahead, so that memory latency overlaps
 * with the work on the current one. A hint only: it never faults.
 */
static inline void cgsl_prefetch(const void *p) { __builtin_prefetch(p, 1, 3); }

#endif
