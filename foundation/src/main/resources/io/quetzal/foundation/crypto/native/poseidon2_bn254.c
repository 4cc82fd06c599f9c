/*
 * Poseidon2 over BN254 Fr (barretenberg's t = 4 instance), Quetzal's native kernel.
 *
 * Compiled at run time by io.quetzal.foundation.crypto.NativePoseidon2 and called through the
 * Java FFM API; the pure-Java io.quetzal.foundation.crypto.Poseidon2 is the reference and the
 * fallback, and the loader checks this kernel against it before using it.
 *
 * Field elements are four little-endian 64-bit limbs in Montgomery form (a * 2^256 mod r), the
 * layout of io.quetzal.foundation.field.FrLimbs, so states are exchanged with Java as raw limbs.
 * Interface invariant: every element passed in is canonical (below r) and every element written
 * back is canonical. Inside, values are kept "lazy" (below 2r; r < 2^254 leaves room for the sum
 * of two) and only the final outputs are fully reduced.
 *
 * Three builds, chosen by the loader from the CPU's features (the compiler flags decide which
 * code is compiled in):
 *   - portable: 4x64-bit Montgomery arithmetic on unsigned __int128;
 *   - x86-64 with BMI2 and ADX (-mbmi2 -madx): the same on MULX/ADC through _mulx_u64 and
 *     _addcarry_u64 (GCC 12 spills __int128 temporaries badly, the intrinsics avoid that);
 *   - plus AVX-512 IFMA (-mavx512f -mavx512vl -mavx512ifma): 52-bit limbs in 256-bit vectors,
 *     four lanes per multiplication (see the IFMA section): about 4x the multiplication
 *     throughput of MULX on Zen 4. The single permutation puts the four state elements in the
 *     four lanes; the batch hash runs four independent permutations, one per lane.
 * In the scalar code squaring forms the six cross products once, and multiplication by the
 * internal-diagonal constants uses tables K_j = D * 2^(64j+128) mod r, so that x * D =
 * REDC_128(sum_j x_j K_j) needs two reduction words instead of four.
 *
 * Exported (all thread-safe, no global mutable state):
 *   void     quetzal_p2_permute(uint64_t state[16]);
 *   void     quetzal_p2_permute_batch(uint64_t *states, size_t n);   n states of 16 limbs
 *   void     quetzal_p2_hash2_batch(const uint64_t *in, uint64_t *out, size_t n);
 *                 n pairs (a, b) of 4 limbs each -> n hashes (one permutation of [a, b, 0, 2<<64])
 *   void     quetzal_p2_hash(const uint64_t *in, size_t len, uint64_t out[4]);  the sponge
 *   uint64_t quetzal_p2_constants(uint64_t *out);   copies RC_FIRST|RC_PARTIAL|RC_LAST|DIAG, 368 limbs
 *   uint64_t quetzal_p2_features(void);             bit 0: BMI2/ADX build, bit 1: AVX-512 IFMA build
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && defined(__AVX512IFMA__) && defined(__AVX512F__) && defined(__AVX512VL__)
#include <immintrin.h>
#define P2_IFMA 1
#else
#define P2_IFMA 0
#endif

#if defined(__x86_64__) && defined(__BMI2__) && defined(__ADX__)
#include <immintrin.h>
#define P2_X86 1
#else
#define P2_X86 0
#endif

#if defined(__GNUC__)
#define P2_INLINE static inline __attribute__((always_inline))
#define P2_EXPORT __attribute__((visibility("default")))
#else
#define P2_INLINE static inline
#define P2_EXPORT
#endif

typedef uint64_t u64;
typedef unsigned __int128 u128;

typedef struct {
  u64 v[4];
} fr;

/* r = 21888242871839275222246405745257275088548364400416034343698204186575808495617 */
#define P0 0x43e1f593f0000001ULL
#define P1 0x2833e84879b97091ULL
#define P2 0xb85045b68181585dULL
#define P3 0x30644e72e131a029ULL
/* 2r */
#define Q0 0x87c3eb27e0000002ULL
#define Q1 0x5067d090f372e122ULL
#define Q2 0x70a08b6d0302b0baULL
#define Q3 0x60c89ce5c2634053ULL
/* -r^-1 mod 2^64 */
#define INV 0xc2e1f593efffffffULL

/* Round constants, Montgomery form (c * 2^256 mod r), little-endian limbs. */
static const fr RC_FIRST[16] = {
  {{0x40e29857eccba526ULL, 0x78b5d11f628bb63cULL, 0x90a91f8124d71c1dULL, 0x22b90b99257c701fULL}},
  {{0xdda103bcd5e88168ULL, 0xcadec275563908dfULL, 0xcb42faa49bda666aULL, 0x12c1e60e14878465ULL}},
  {{0xe2ee3f59de1800c2ULL, 0xc7979d60539090baULL, 0xb17490108efd09c7ULL, 0x157ae4cd6c889238ULL}},
  {{0x8d47060cfdf35e56ULL, 0x24d3c6c56012e0bbULL, 0x23e529e2d9c7f211ULL, 0x0ca313c0e7feeb7cULL}},
  {{0x969ae5874ec24b7cULL, 0x178d4318d4b3aa33ULL, 0x6c88dcc609ed64f8ULL, 0x2f010ac693dc51cfULL}},
  {{0x57fb28a4e65e43e8ULL, 0x8879374e40bb2e20ULL, 0x2edbd9642db3a00bULL, 0x03519d1e42f98e5eULL}},
  {{0x6cd497820ea1bdeaULL, 0x7547fcc6a94b2b4dULL, 0xd170eabdd0b9a60bULL, 0x2d4d4875bba571b3ULL}},
  {{0x6ef12da5bec195b2ULL, 0x1949053b40632693ULL, 0x52a07adc23aaa26cULL, 0x2462f2ed9e08bb84ULL}},
  {{0x86b215d7eed56c26ULL, 0x8e8a775ab44e8536ULL, 0x4b28315db24328acULL, 0x2284e6859b91a22bULL}},
  {{0x24435d7bbcecf683ULL, 0x30558031784b101aULL, 0x8152ba72043ca93aULL, 0x2ef0fea092a1bf2fULL}},
  {{0x31f7ebe8ea71df23ULL, 0x5a40c44d8b396ad0ULL, 0x12103e68c9964844ULL, 0x2fbf0a0711796f09ULL}},
  {{0xd171b165b9a474d2ULL, 0xde9cc2290d05e663ULL, 0xaaa87c63209d7a7aULL, 0x138033c1c13594caULL}},
  {{0x7bfd9fcbd4ed1036ULL, 0x5d413eaa832eba40ULL, 0xb509d471e9b81cf4ULL, 0x1287cef711f48909ULL}},
  {{0xaa8460cf946b6f1fULL, 0xd383ed881df9301dULL, 0x13dab19464f23a61ULL, 0x03edc8f24d94f496ULL}},
  {{0x8fb0a2baec4a0545ULL, 0x62950a986fa7e269ULL, 0x8b2e63ef08420ccbULL, 0x24357c1c0ff8ad46ULL}},
  {{0xebc3984647d708deULL, 0xfa8876a528054f45ULL, 0x529aa21b353025aeULL, 0x11e5fb7b548a5daaULL}},
};
static const fr RC_PARTIAL[56] = {
  {{0x1c447b0131825829ULL, 0x6eea85c396cfd279ULL, 0x906fa66e44792b70ULL, 0x0f417b2b1192fc58ULL}},
  {{0x893dc44ff4ab8c3dULL, 0xdc5162ae7480b4d7ULL, 0xd2d2263cef2ce577ULL, 0x2bff5bd4cf84da5bULL}},
  {{0xb77ac980d5b4b49bULL, 0x333a038690498325ULL, 0x7d075bd47648701eULL, 0x14e2b4d3be83b2acULL}},
  {{0x529b26c9e1e7fee7ULL, 0xe3b9ce82471f6c16ULL, 0x7b784e18fc148e9aULL, 0x0af58ae3a7d121adULL}},
  {{0xf8d1c651163db662ULL, 0x1e3bceb597676b5aULL, 0x2e280d1a469bd269ULL, 0x1cc9d2eaf4da683bULL}},
  {{0x284f1e6a5e8c3243ULL, 0xdf6e2c5fa443c438ULL, 0xa141ac6c13990c9cULL, 0x2406d65ed9963ebfULL}},
  {{0x833da6aed5e8b643ULL, 0xf6e1ac68d94bbf99ULL, 0x92e1ab49bac7591fULL, 0x1f14ec7cf779855eULL}},
  {{0x1f360ba6b2dbe89cULL, 0x39a6bfcefa7aa570ULL, 0x7f9114a8abd3c437ULL, 0x241559c0a38ff005ULL}},
  {{0x82f0f015e32b0fa5ULL, 0x15b14571a9827bdfULL, 0xb77fbead604b82fbULL, 0x084368258f1bd0ddULL}},
  {{0x6e0151e98341eaabULL, 0x347e8c0f39d2ae2bULL, 0x2f6a4f01fd8e7354ULL, 0x1224728eae4780c7ULL}},
  {{0xa64a59e07277da93ULL, 0xec9ffe497e750319ULL, 0xf8de0d292fd81230ULL, 0x200ba0070e4cf7e7ULL}},
  {{0x3eee8ca147f74c1eULL, 0xb459e1c13d394847ULL, 0xad3a506f72dfc6e9ULL, 0x0024a1a4a98cdf30ULL}},
  {{0x4677744f22ba290cULL, 0x9665c3069828d067ULL, 0x47a5ab4a08482095ULL, 0x050856d34a7b53a1ULL}},
  {{0xe9ac990036447fd5ULL, 0x67e1d967ff728f98ULL, 0x520db222d8f9b85bULL, 0x300d753949da28d0ULL}},
  {{0xe0a4d3db3031c219ULL, 0xbdfc328b9599d375ULL, 0x11f23cd7fe507de4ULL, 0x1bf0b2f3b0ae16c8ULL}},
  {{0x18018546eeba2623ULL, 0x1de71123707f1b9cULL, 0x7f6c0e2ad000f8e9ULL, 0x28f46b322d82057fULL}},
  {{0x3ac593da4e5db6ebULL, 0x3ff4bba0193a3b2dULL, 0xe0ad26ec69346ef2ULL, 0x24849ad2c138914eULL}},
  {{0xa68ceacc9a188251ULL, 0x905a4a607ab50758ULL, 0xdeba6d539f998afaULL, 0x1fff49f7df96654fULL}},
  {{0xc067c30e7cc3a431ULL, 0x34d758f9cd522f83ULL, 0x3435beccd217edebULL, 0x2a89e5139fbdf039ULL}},
  {{0xd5a6847c60a8f7ccULL, 0xd5aff503c7ba7883ULL, 0x8b2bfd2ad28ddd20ULL, 0x101835888a279fc0ULL}},
  {{0x50fa7503e3eb3735ULL, 0xd8495c79cd5e9211ULL, 0x7b7e2a5040c3544bULL, 0x197e6d90a94415a4ULL}},
  {{0x6ea1d22532ef2471ULL, 0x4e96177082af0ac7ULL, 0xed2f1dfb1189f2bbULL, 0x27fbb36a7bd9b353ULL}},
  {{0xa7ee25387ddb3c34ULL, 0xf30145444d0fe612ULL, 0x9c0473e043c5762bULL, 0x2bfa2b7461fc9c12ULL}},
  {{0xe74c0280a8d7a2d8ULL, 0x15b2fc08d1baac9fULL, 0x7ef491cb5fda8359ULL, 0x2622426d179ee045ULL}},
  {{0xfeea8798b783f986ULL, 0x21f8b55837df791cULL, 0x4715c04841f1f926ULL, 0x100ebb18ec5c3f93ULL}},
  {{0x122aa722f6947206ULL, 0x522b121946ac0feeULL, 0x45b9250f69dac1c0ULL, 0x25293cd27572f636ULL}},
  {{0x936f54ff136b08abULL, 0x700dd002430020ccULL, 0xd06242f794739877ULL, 0x2268c9c162417cabULL}},
  {{0x1c9b445dd0a2241aULL, 0xc11cb47b21df29cdULL, 0xf7a492c3594f0f09ULL, 0x034b38a7146edc66ULL}},
  {{0x1dfe4ac0183b8133ULL, 0x1ef0319b13fb779aULL, 0x11dbf892ab5f926eULL, 0x17a856c53659a7eeULL}},
  {{0x059e222bcd5307a6ULL, 0xccfaf000d2effb7cULL, 0x1fd59fef9a8cf932ULL, 0x0c4ce24e93909eaeULL}},
  {{0x42d0cafee2301d0eULL, 0x79696ca22bdcb93fULL, 0x5bacb0d63592018bULL, 0x29294687e7715542ULL}},
  {{0x42a5414804c7099bULL, 0x6fe76c6243e5c38aULL, 0x254493c8af4e6367ULL, 0x1e3fcd8156bc983dULL}},
  {{0xa7ff7255f2412486ULL, 0x7501ca14401795c0ULL, 0x2d0e3a0db6e4b1ffULL, 0x0096d162a3cc320fULL}},
  {{0x789c20e48b1125f9ULL, 0x528ce70d5612a45cULL, 0x8d645f61a75e2b38ULL, 0x26549dc15b1fa715ULL}},
  {{0x775b5e0fba5758e9ULL, 0xd39a069c41c98c95ULL, 0x68a784316ed9fd47ULL, 0x2dd54f4070bcfbe6ULL}},
  {{0x9d57dffcd1ba98baULL, 0x2554bc6bf0d32b4fULL, 0xfaa1a29bff5eaaccULL, 0x1bf848fcc8ea6c31ULL}},
  {{0x3264c88684b1bcb6ULL, 0xb5e9ff4335f99477ULL, 0x81aca7593bdc6348ULL, 0x1a6338f428a0b816ULL}},
  {{0x24779cc69cba1deaULL, 0x308776f8218f1be6ULL, 0x3a9e52d12b3f619eULL, 0x06d8d604ce3e2de3ULL}},
  {{0xc7b00cf37e64dc49ULL, 0x06d1c1802949bc23ULL, 0xfd608a1fa1b25168ULL, 0x22ebae49ba188f7aULL}},
  {{0xca1469d4458d8a3dULL, 0x7623fb53afb084b6ULL, 0xa0abc7e8d556d8f0ULL, 0x2a8b5c3b5f3dfadfULL}},
  {{0x33f5eadd9c1595c3ULL, 0x54d6810e1d084193ULL, 0xa13eb5c950c2db99ULL, 0x1ac1693fb6209dfcULL}},
  {{0x57b804a8493ffadbULL, 0xf4ecda7bda07b05eULL, 0x365ad26d1dde9556ULL, 0x26840fe4f165a935ULL}},
  {{0xcb958721444341c1ULL, 0xd202fc009bbb1137ULL, 0xe10a117befbfbaefULL, 0x2fefe67ccff0718bULL}},
  {{0x57166a5f56a5da25ULL, 0x9651ac4d559f2de5ULL, 0xe0a3ce57440d7536ULL, 0x1d7d8da39c2e8df9ULL}},
  {{0x955694cf7e751759ULL, 0x1f19c299b2bf9669ULL, 0x891a562d7d697b72ULL, 0x25b1eb3a2c62c131ULL}},
  {{0x27d15e03d244680eULL, 0x52a139938503b16bULL, 0xa60293987e1780d7ULL, 0x27bdf8da7f79736cULL}},
  {{0x116f555634550fcdULL, 0x3df9127a2fff7266ULL, 0xf3cd0bf9d381aa33ULL, 0x16c19d6f034f31b9ULL}},
  {{0x66d80999699047aeULL, 0xd3be6bda729fbcebULL, 0xcfabbd2afaf882beULL, 0x05b5d05f43fd6e3fULL}},
  {{0x2c74114e481ddafaULL, 0x807434126e9f472bULL, 0xab570928cd20418aULL, 0x283d4a89a200a5afULL}},
  {{0xd411d7242d41f6b9ULL, 0x2633b38dce58b2a3ULL, 0xb88e71e3b9f250f6ULL, 0x1fd33b9c3927530cULL}},
  {{0x97b472e62acef0f6ULL, 0x14790dc3fcd93bbcULL, 0x5400b0481e349424ULL, 0x2ceaf69d01ac2e60ULL}},
  {{0x668c4cd514449780ULL, 0x43c5c8d06641b850ULL, 0x4f75ba88b2b749e2ULL, 0x267a187cac4732f2ULL}},
  {{0xb085fdc4f9a8fb0bULL, 0x71be2e0129e44e36ULL, 0xe6b0eeb850b499a4ULL, 0x02b354c2103cddbaULL}},
  {{0x0597e2d67467dcbfULL, 0xfb80c331cfc45fb9ULL, 0xdac61e4a03d6a081ULL, 0x1a11b729bcdb094aULL}},
  {{0xf3fee4e36f25bfbdULL, 0x2e1ebc2bb09c65b3ULL, 0xe2e0496cea732590ULL, 0x0880a9b301012352ULL}},
  {{0x71df5a89af984d00ULL, 0x7edb46887d56dd30ULL, 0xec05215acaf42515ULL, 0x18ff6fdc4fcf3d35ULL}},
};
static const fr RC_LAST[16] = {
  {{0xd452149f1a7623baULL, 0x13d73472905865d9ULL, 0x68860941a82dff72ULL, 0x00f33f4676757a07ULL}},
  {{0x0e60a44a6d294f41ULL, 0x03b13324ddc4baa0ULL, 0x4c7ce58cc39ab341ULL, 0x139be6cb2abe19c0ULL}},
  {{0x9ee46be37fa5c783ULL, 0x4b80d6e92fa0605dULL, 0xe18d39eaa0b58710ULL, 0x019935cf03fe6d3bULL}},
  {{0xa11eecbd6f646befULL, 0xdf805be13d0c2ba1ULL, 0xb1843fb18f8d6723ULL, 0x0ecac0e06c90fbd4ULL}},
  {{0x20ca3789db7f08aaULL, 0x8d4280081bb2f0dfULL, 0x37f8a0a772d173e5ULL, 0x2704fea2f81ae93bULL}},
  {{0x0b57a210d5ab61aaULL, 0xb5bcedca8189a1eaULL, 0x1cdbbf1ab293e0acULL, 0x100b4344f9ed48aeULL}},
  {{0x907e5f4a9c057fc4ULL, 0x575a1e1729d2396bULL, 0x2f81eb61b02a0d47ULL, 0x201c9d0d354d25f3ULL}},
  {{0x6e0d1e92b19775e8ULL, 0x1b0ff212c85487aeULL, 0x77fa05e5ed730bb5ULL, 0x0da570e83ab6b8d0ULL}},
  {{0xe33228d2d96b8f30ULL, 0xb89a3bb8fb9be93aULL, 0x35e9eca0bee565b1ULL, 0x273df6b0ae156020ULL}},
  {{0xa436a2acdb5ac551ULL, 0x8514ac3b41c606e4ULL, 0xc28036d7cdf04c60ULL, 0x1ea071117eb66e66ULL}},
  {{0x6126235d108821f4ULL, 0x4a7765cfee75f731ULL, 0x743ed0ff07674e14ULL, 0x05925bb80a3cc48cULL}},
  {{0x7a92010e5b2e74a1ULL, 0xfee649f03b0684dbULL, 0x7aa7ccf81a3caab2ULL, 0x23720c2cfdfbc79dULL}},
  {{0x460a85496e304e37ULL, 0xdd8f527562040055ULL, 0x40a70979fd5a7579ULL, 0x1f03fbf1087a3e1cULL}},
  {{0x0b43e0bf81c186edULL, 0x47ce7c0961079afbULL, 0xb9f3357e2e55217dULL, 0x17e4fd8d6775a696ULL}},
  {{0xb74d133c633b1599ULL, 0x4bf76b0fba2d94e2ULL, 0xfec7cce4c5cd67f8ULL, 0x183bceaeea7f1aaaULL}},
  {{0x62a251f58bfc0bd8ULL, 0xa47572f6ebc5885bULL, 0x37c60ff8efcf2b6dULL, 0x1fd8d931dc1b5f33ULL}},
};
/* Internal-diagonal entries D_i, Montgomery form. */
static const fr DIAG[4] = {
  {{0x78b3c4df7b603c75ULL, 0xdd54552f4a97b9e3ULL, 0xc9ceb940f70388e9ULL, 0x300af8e86f112b7eULL}},
  {{0x00deb14139b1ef67ULL, 0xccb2bdefcca2343dULL, 0x6c43a052dbe2f558ULL, 0x1063a869506e775cULL}},
  {{0x94eea894378e2f93ULL, 0x93faf7c07882666bULL, 0x21288cc59995cfdcULL, 0x027e7283b9b0b7d3ULL}},
  {{0xb35e450fba986fc1ULL, 0x926ccb787560ef38ULL, 0x1e1e2685895114e8ULL, 0x2841f4314cbcead3ULL}},
};
/* DIAG_K[i][j] = D_i * 2^(64j + 128) mod r: x * D_i (Montgomery) = REDC_128(sum_j x_j DIAG_K[i][j]). */
static const fr DIAG_K[4][4] = {
  {
    {{0xaf6a531744055b7eULL, 0x4ec7d38d11a8c6c0ULL, 0x923072e0e8ba866fULL, 0x012a5863f2973c2dULL}},
    {{0xd2ec807faa95dbb7ULL, 0xf6c7deaaaa7451b1ULL, 0x6c2582b69aba793dULL, 0x262b04157b9f9da2ULL}},
    {{0x78b3c4df7b603c75ULL, 0xdd54552f4a97b9e3ULL, 0xc9ceb940f70388e9ULL, 0x300af8e86f112b7eULL}},
    {{0x0048499633b84c74ULL, 0xe2141278664d4a37ULL, 0x505508253cfa3d9fULL, 0x1248dd55691613f2ULL}},
  },
  {
    {{0x4c66289681b6daafULL, 0x0d9b2831183d5f92ULL, 0x11de59c038d57ee6ULL, 0x10afb8365d4bd14bULL}},
    {{0x0dc1b298d6b27090ULL, 0xe12debd5b318762cULL, 0xb7ae64ff9ef85521ULL, 0x0184ddfabf2c8271ULL}},
    {{0x00deb14139b1ef67ULL, 0xccb2bdefcca2343dULL, 0x6c43a052dbe2f558ULL, 0x1063a869506e775cULL}},
    {{0x0bb9ed33f642bf5aULL, 0xfaa5b4bcaf0af8e6ULL, 0x9f8feffc59633df9ULL, 0x1333508580ca71faULL}},
  },
  {
    {{0x0fa81845d6af7183ULL, 0xbcdb750820282df3ULL, 0x0c6a68e06a5a292bULL, 0x067586e942539f31ULL}},
    {{0x99d3c5900344674cULL, 0xc2d62af7bf7c3b16ULL, 0xa514eb5c74d3bd9dULL, 0x1b217b686618f852ULL}},
    {{0x94eea894378e2f93ULL, 0x93faf7c07882666bULL, 0x21288cc59995cfdcULL, 0x027e7283b9b0b7d3ULL}},
    {{0xa9b8420ab6e8f5feULL, 0xcbb8d33d571c4675ULL, 0xf3b6e4b10f6dbaa1ULL, 0x2a3244b3be69b85aULL}},
  },
  {
    {{0xeb4ed6497a16caf8ULL, 0xe5bd6066b47a071aULL, 0xa426752b6168398eULL, 0x193cd0be63725d87ULL}},
    {{0x0e9901c8ad995f41ULL, 0x57dbc9c24c800a72ULL, 0x6f4a70605cbefaa7ULL, 0x1af8705a3460f663ULL}},
    {{0xb35e450fba986fc1ULL, 0x926ccb787560ef38ULL, 0x1e1e2685895114e8ULL, 0x2841f4314cbcead3ULL}},
    {{0xc671ddb0be4a91fcULL, 0x644b6054fbed338fULL, 0x5541ffa158f648fdULL, 0x189b292211a675a8ULL}},
  },
};
/* 2^512 mod r: mul_lazy(x, R2) converts a plain x into Montgomery form. */
static const fr R2 = {{0x1bb8e645ae216da7ULL, 0x53fe3ab1e35c59e3ULL, 0x8c49833d53bb8085ULL, 0x0216d0b17f4e44a5ULL}};
/* Montgomery form of 2 * 2^64, the capacity IV of a 2-element hash. */
static const fr IV2 = {{0x25abe65f08bf6b0bULL, 0xb8e53259061db6ecULL, 0x87a9f611886e6981ULL, 0x1251b6e65340b0a3ULL}};
#if P2_X86
/* ------------------------------------------------------------------------------------------ */
/* x86-64 scalar arithmetic: MULX and ADC through the compiler intrinsics. "lazy" = below 2r. */

typedef unsigned long long ull;

#define MULX(hi, lo, a, b) (lo) = _mulx_u64((a), (b), &(hi))
#define ADC(c, a, b, out) (c) = _addcarry_u64((c), (a), (b), &(out))
#define SBB(c, a, b, out) (c) = _subborrow_u64((c), (a), (b), &(out))

/* t - m if t >= m, else t (t below 2^256) */
P2_INLINE fr sub_if_geq(ull t0, ull t1, ull t2, ull t3, u64 m0, u64 m1, u64 m2, u64 m3) {
  ull d0, d1, d2, d3;
  unsigned char b = 0;
  SBB(b, t0, m0, d0);
  SBB(b, t1, m1, d1);
  SBB(b, t2, m2, d2);
  SBB(b, t3, m3, d3);
  fr r;
  r.v[0] = b ? t0 : d0;
  r.v[1] = b ? t1 : d1;
  r.v[2] = b ? t2 : d2;
  r.v[3] = b ? t3 : d3;
  return r;
}

/* a + b mod 2r: lazy in, lazy out (the sum of two lazy values is below 4r < 2^256). */
P2_INLINE fr add_lazy(fr a, fr b) {
  ull t0, t1, t2, t3;
  unsigned char c = 0;
  ADC(c, a.v[0], b.v[0], t0);
  ADC(c, a.v[1], b.v[1], t1);
  ADC(c, a.v[2], b.v[2], t2);
  ADC(c, a.v[3], b.v[3], t3);
  return sub_if_geq(t0, t1, t2, t3, Q0, Q1, Q2, Q3);
}

/* lazy -> canonical */
P2_INLINE fr reduce(fr a) {
  return sub_if_geq(a.v[0], a.v[1], a.v[2], a.v[3], P0, P1, P2, P3);
}

/*
 * a * b * 2^-256 mod r, CIOS (one reduction word per multiplier word). Since r < 2^254 the
 * running value fits in five words and the result (ab + Mr) / 2^256 of inputs below 2r is below
 * 4r^2 / 2^256 + r < 2r.
 */
P2_INLINE fr mul_lazy(fr a, fr b) {
  const ull a0 = a.v[0], a1 = a.v[1], a2 = a.v[2], a3 = a.v[3];
  ull t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4, m, l0, l1, l2, l3, h0, h1, h2, h3;
  unsigned char c;
#define P2_CIOS_ROUND(bi)    \
  MULX(h0, l0, a0, bi);      \
  MULX(h1, l1, a1, bi);      \
  MULX(h2, l2, a2, bi);      \
  MULX(h3, l3, a3, bi);      \
  c = 0;                     \
  ADC(c, t0, l0, t0);        \
  ADC(c, t1, l1, t1);        \
  ADC(c, t2, l2, t2);        \
  ADC(c, t3, l3, t3);        \
  t4 = c;                    \
  c = 0;                     \
  ADC(c, t1, h0, t1);        \
  ADC(c, t2, h1, t2);        \
  ADC(c, t3, h2, t3);        \
  ADC(c, t4, h3, t4);        \
  m = t0 * INV;              \
  MULX(h0, l0, m, P0);       \
  MULX(h1, l1, m, P1);       \
  MULX(h2, l2, m, P2);       \
  MULX(h3, l3, m, P3);       \
  c = 0;                     \
  ADC(c, t0, l0, t0);        \
  ADC(c, t1, l1, t1);        \
  ADC(c, t2, l2, t2);        \
  ADC(c, t3, l3, t3);        \
  ADC(c, t4, 0, t4);         \
  c = 0;                     \
  ADC(c, t1, h0, t0);        \
  ADC(c, t2, h1, t1);        \
  ADC(c, t3, h2, t2);        \
  ADC(c, t4, h3, t3);
  P2_CIOS_ROUND(b.v[0])
  P2_CIOS_ROUND(b.v[1])
  P2_CIOS_ROUND(b.v[2])
  P2_CIOS_ROUND(b.v[3])
#undef P2_CIOS_ROUND
  fr r = {{t0, t1, t2, t3}};
  return r;
}

/*
 * One Montgomery reduction word of a 512-bit value: t_i.. += (t_i * INV) r. pend holds the carry
 * (0..2) out of word i+4 of the previous step, added in at word i+4 of this one.
 */
#define P2_REDC_STEP(ti, ti1, ti2, ti3, ti4) \
  m = ti * INV;                              \
  MULX(h0, l0, m, P0);                       \
  MULX(h1, l1, m, P1);                       \
  MULX(h2, l2, m, P2);                       \
  MULX(h3, l3, m, P3);                       \
  c = 0;                                     \
  ADC(c, ti, l0, ti);                        \
  ADC(c, ti1, l1, ti1);                      \
  ADC(c, ti2, l2, ti2);                      \
  ADC(c, ti3, l3, ti3);                      \
  ADC(c, ti4, pend, ti4);                    \
  pend = c;                                  \
  c = 0;                                     \
  ADC(c, ti1, h0, ti1);                      \
  ADC(c, ti2, h1, ti2);                      \
  ADC(c, ti3, h2, ti3);                      \
  ADC(c, ti4, h3, ti4);                      \
  pend += c;

/* a^2 * 2^-256 mod r: the six cross products once, doubled, plus the squares; lazy in/out. */
P2_INLINE fr sqr_lazy(fr a) {
  const ull a0 = a.v[0], a1 = a.v[1], a2 = a.v[2], a3 = a.v[3];
  ull t0, t1, t2, t3, t4, t5, t6, t7, pend = 0, m, l0, l1, l2, l3, h0, h1, h2, h3, x, y;
  unsigned char c;
  /* cross products a_i a_j, i < j */
  MULX(h0, t1, a0, a1);
  MULX(h1, l1, a0, a2);
  MULX(h2, l2, a0, a3);
  MULX(h3, l3, a1, a3);
  MULX(t6, t5, a2, a3);
  c = 0;
  ADC(c, h0, l1, t2);
  ADC(c, h1, l2, t3);
  ADC(c, h2, l3, t4);
  ADC(c, h3, t5, t5);
  ADC(c, t6, 0, t6);
  MULX(h0, l0, a1, a2);
  c = 0;
  ADC(c, t3, l0, t3);
  ADC(c, t4, h0, t4);
  ADC(c, t5, 0, t5);
  ADC(c, t6, 0, t6);
  /* doubled */
  t7 = t6 >> 63;
  t6 = (t6 << 1) | (t5 >> 63);
  t5 = (t5 << 1) | (t4 >> 63);
  t4 = (t4 << 1) | (t3 >> 63);
  t3 = (t3 << 1) | (t2 >> 63);
  t2 = (t2 << 1) | (t1 >> 63);
  t1 = t1 << 1;
  /* plus the squares */
  MULX(x, t0, a0, a0);
  c = 0;
  ADC(c, t1, x, t1);
  MULX(x, y, a1, a1);
  ADC(c, t2, y, t2);
  ADC(c, t3, x, t3);
  MULX(x, y, a2, a2);
  ADC(c, t4, y, t4);
  ADC(c, t5, x, t5);
  MULX(x, y, a3, a3);
  ADC(c, t6, y, t6);
  ADC(c, t7, x, t7);
  /* reduce: t + M r stays below 2^512, so the last step leaves no carry */
  P2_REDC_STEP(t0, t1, t2, t3, t4)
  P2_REDC_STEP(t1, t2, t3, t4, t5)
  P2_REDC_STEP(t2, t3, t4, t5, t6)
  P2_REDC_STEP(t3, t4, t5, t6, t7)
  (void)pend;
  fr r = {{t4, t5, t6, t7}};
  return r;
}

/*
 * a * D * 2^-256 mod r for an internal-diagonal constant D given by K[j] = D * 2^(64j+128) mod r:
 * S = sum_j a_j K_j < 4 * 2^64 * r < 2^320, then two reduction words: (S + M r) / 2^128 is below
 * r + 2^192 < 2r. a may be any 256-bit value.
 */
P2_INLINE fr mul_diag(fr a, const fr *K) {
  ull s0, s1, s2, s3, s4, s5, m, l0, l1, l2, l3, h0, h1, h2, h3;
  unsigned char c;
  MULX(h0, s0, a.v[0], K[0].v[0]);
  MULX(h1, l1, a.v[0], K[0].v[1]);
  MULX(h2, l2, a.v[0], K[0].v[2]);
  MULX(s4, l3, a.v[0], K[0].v[3]);
  c = 0;
  ADC(c, h0, l1, s1);
  ADC(c, h1, l2, s2);
  ADC(c, h2, l3, s3);
  ADC(c, s4, 0, s4);
#define P2_DIAG_ROW(j)              \
  MULX(h0, l0, a.v[j], K[j].v[0]);  \
  MULX(h1, l1, a.v[j], K[j].v[1]);  \
  MULX(h2, l2, a.v[j], K[j].v[2]);  \
  MULX(h3, l3, a.v[j], K[j].v[3]);  \
  c = 0;                            \
  ADC(c, s0, l0, s0);               \
  ADC(c, s1, l1, s1);               \
  ADC(c, s2, l2, s2);               \
  ADC(c, s3, l3, s3);               \
  ADC(c, s4, 0, s4);                \
  c = 0;                            \
  ADC(c, s1, h0, s1);               \
  ADC(c, s2, h1, s2);               \
  ADC(c, s3, h2, s3);               \
  ADC(c, s4, h3, s4);
  P2_DIAG_ROW(1)
  P2_DIAG_ROW(2)
  P2_DIAG_ROW(3)
#undef P2_DIAG_ROW
  m = s0 * INV;
  MULX(h0, l0, m, P0);
  MULX(h1, l1, m, P1);
  MULX(h2, l2, m, P2);
  MULX(h3, l3, m, P3);
  c = 0;
  ADC(c, s0, l0, s0);
  ADC(c, s1, l1, s1);
  ADC(c, s2, l2, s2);
  ADC(c, s3, l3, s3);
  ADC(c, s4, 0, s4);
  c = 0;
  ADC(c, s1, h0, s1);
  ADC(c, s2, h1, s2);
  ADC(c, s3, h2, s3);
  ADC(c, s4, h3, s4);
  m = s1 * INV;
  MULX(h0, l0, m, P0);
  MULX(h1, l1, m, P1);
  MULX(h2, l2, m, P2);
  MULX(h3, l3, m, P3);
  c = 0;
  ADC(c, s1, l0, s1);
  ADC(c, s2, l1, s2);
  ADC(c, s3, l2, s3);
  ADC(c, s4, l3, s4);
  s5 = c;
  c = 0;
  ADC(c, s2, h0, s2);
  ADC(c, s3, h1, s3);
  ADC(c, s4, h2, s4);
  ADC(c, s5, h3, s5);
  fr r = {{s2, s3, s4, s5}};
  return r;
}
#else
/* ------------------------------------------------------------------------------------------ */
/* Portable scalar arithmetic (unsigned __int128). "lazy" = below 2r. */

#define LO(x) ((u64)(x))
#define HI(x) ((u64)((x) >> 64))

/* t - m if t >= m, else t (t below 2^256). */
P2_INLINE fr sub_if_geq(u64 t0, u64 t1, u64 t2, u64 t3, u64 m0, u64 m1, u64 m2, u64 m3) {
  u128 d;
  u64 d0, d1, d2, d3, bw;
  d = (u128)t0 - m0;
  d0 = LO(d);
  bw = HI(d) & 1;
  d = (u128)t1 - m1 - bw;
  d1 = LO(d);
  bw = HI(d) & 1;
  d = (u128)t2 - m2 - bw;
  d2 = LO(d);
  bw = HI(d) & 1;
  d = (u128)t3 - m3 - bw;
  d3 = LO(d);
  bw = HI(d) & 1;
  u64 keep = (u64)0 - bw; /* all ones when t < m */
  fr r;
  r.v[0] = (t0 & keep) | (d0 & ~keep);
  r.v[1] = (t1 & keep) | (d1 & ~keep);
  r.v[2] = (t2 & keep) | (d2 & ~keep);
  r.v[3] = (t3 & keep) | (d3 & ~keep);
  return r;
}

/* a + b mod 2r: lazy in, lazy out (the sum of two lazy values is below 4r < 2^256). */
P2_INLINE fr add_lazy(fr a, fr b) {
  u128 s;
  u64 t0, t1, t2, t3;
  s = (u128)a.v[0] + b.v[0];
  t0 = LO(s);
  s = (u128)a.v[1] + b.v[1] + HI(s);
  t1 = LO(s);
  s = (u128)a.v[2] + b.v[2] + HI(s);
  t2 = LO(s);
  t3 = a.v[3] + b.v[3] + HI(s);
  return sub_if_geq(t0, t1, t2, t3, Q0, Q1, Q2, Q3);
}

/* lazy -> canonical */
P2_INLINE fr reduce(fr a) {
  return sub_if_geq(a.v[0], a.v[1], a.v[2], a.v[3], P0, P1, P2, P3);
}

/*
 * a * b * 2^-256 mod r, CIOS with interleaved reduction. Because r's top limb is below 2^62 the
 * running value never needs a fifth word. For a, b below 2r the result (ab + Mr) / 2^256 is below
 * 4r^2 / 2^256 + r < 2r.
 */
P2_INLINE fr mul_lazy(fr a, fr b) {
  const u64 a0 = a.v[0], a1 = a.v[1], a2 = a.v[2], a3 = a.v[3];
  u64 t0 = 0, t1 = 0, t2 = 0, t3 = 0, A, C, m;
  u128 x;
#define P2_CIOS_ROUND(bi)                \
  x = (u128)a0 * (bi) + t0;              \
  t0 = LO(x);                            \
  A = HI(x);                             \
  m = t0 * INV;                          \
  x = (u128)m * P0 + t0;                 \
  C = HI(x);                             \
  x = (u128)a1 * (bi) + t1 + A;          \
  t1 = LO(x);                            \
  A = HI(x);                             \
  x = (u128)m * P1 + t1 + C;             \
  t0 = LO(x);                            \
  C = HI(x);                             \
  x = (u128)a2 * (bi) + t2 + A;          \
  t2 = LO(x);                            \
  A = HI(x);                             \
  x = (u128)m * P2 + t2 + C;             \
  t1 = LO(x);                            \
  C = HI(x);                             \
  x = (u128)a3 * (bi) + t3 + A;          \
  t3 = LO(x);                            \
  A = HI(x);                             \
  x = (u128)m * P3 + t3 + C;             \
  t2 = LO(x);                            \
  C = HI(x);                             \
  t3 = A + C;
  P2_CIOS_ROUND(b.v[0])
  P2_CIOS_ROUND(b.v[1])
  P2_CIOS_ROUND(b.v[2])
  P2_CIOS_ROUND(b.v[3])
#undef P2_CIOS_ROUND
  fr r = {{t0, t1, t2, t3}};
  return r;
}

/*
 * Montgomery reduction of the 512-bit t0..t7 (below 4r^2): (t + Mr) / 2^256, below 2r.
 */
#define P2_REDC_STEP(ti, ti1, ti2, ti3, ti4) \
  m = ti * INV;                              \
  x = (u128)m * P0 + ti;                     \
  c = HI(x);                                 \
  x = (u128)m * P1 + ti1 + c;                \
  ti1 = LO(x);                               \
  c = HI(x);                                 \
  x = (u128)m * P2 + ti2 + c;                \
  ti2 = LO(x);                               \
  c = HI(x);                                 \
  x = (u128)m * P3 + ti3 + c;                \
  ti3 = LO(x);                               \
  c = HI(x);                                 \
  x = (u128)ti4 + c + cc;                    \
  ti4 = LO(x);                               \
  cc = HI(x);

/* a^2 * 2^-256 mod r: the six cross products once, doubled, plus the squares; lazy in/out. */
P2_INLINE fr sqr_lazy(fr a) {
  const u64 a0 = a.v[0], a1 = a.v[1], a2 = a.v[2], a3 = a.v[3];
  u64 t0, t1, t2, t3, t4, t5, t6, t7, c, cc = 0, m;
  u128 x;
  x = (u128)a0 * a1;
  t1 = LO(x);
  c = HI(x);
  x = (u128)a0 * a2 + c;
  t2 = LO(x);
  c = HI(x);
  x = (u128)a0 * a3 + c;
  t3 = LO(x);
  t4 = HI(x);
  x = (u128)a1 * a2 + t3;
  t3 = LO(x);
  c = HI(x);
  x = (u128)a1 * a3 + t4 + c;
  t4 = LO(x);
  t5 = HI(x);
  x = (u128)a2 * a3 + t5;
  t5 = LO(x);
  t6 = HI(x);
  t7 = t6 >> 63;
  t6 = (t6 << 1) | (t5 >> 63);
  t5 = (t5 << 1) | (t4 >> 63);
  t4 = (t4 << 1) | (t3 >> 63);
  t3 = (t3 << 1) | (t2 >> 63);
  t2 = (t2 << 1) | (t1 >> 63);
  t1 = t1 << 1;
  x = (u128)a0 * a0;
  t0 = LO(x);
  c = HI(x);
  x = (u128)t1 + c;
  t1 = LO(x);
  c = HI(x);
  u128 y = (u128)a1 * a1;
  x = (u128)t2 + LO(y) + c;
  t2 = LO(x);
  c = HI(x);
  x = (u128)t3 + HI(y) + c;
  t3 = LO(x);
  c = HI(x);
  y = (u128)a2 * a2;
  x = (u128)t4 + LO(y) + c;
  t4 = LO(x);
  c = HI(x);
  x = (u128)t5 + HI(y) + c;
  t5 = LO(x);
  c = HI(x);
  y = (u128)a3 * a3;
  x = (u128)t6 + LO(y) + c;
  t6 = LO(x);
  c = HI(x);
  t7 = t7 + HI(y) + c;
  P2_REDC_STEP(t0, t1, t2, t3, t4)
  P2_REDC_STEP(t1, t2, t3, t4, t5)
  P2_REDC_STEP(t2, t3, t4, t5, t6)
  P2_REDC_STEP(t3, t4, t5, t6, t7)
  (void)cc;
  fr r = {{t4, t5, t6, t7}};
  return r;
}

/*
 * a * D * 2^-256 mod r for an internal-diagonal constant D given by K[j] = D * 2^(64j+128) mod r:
 * S = sum_j a_j K_j < 4 * 2^64 * r < 2^320, then two reduction words: (S + M r) / 2^128 is below
 * r + 2^192 < 2r. a may be any 256-bit value.
 */
P2_INLINE fr mul_diag(fr a, const fr *K) {
  u64 s0, s1, s2, s3, s4, c, m;
  u128 x;
  x = (u128)a.v[0] * K[0].v[0];
  s0 = LO(x);
  c = HI(x);
  x = (u128)a.v[0] * K[0].v[1] + c;
  s1 = LO(x);
  c = HI(x);
  x = (u128)a.v[0] * K[0].v[2] + c;
  s2 = LO(x);
  c = HI(x);
  x = (u128)a.v[0] * K[0].v[3] + c;
  s3 = LO(x);
  s4 = HI(x);
#define P2_DIAG_ROW(j)                      \
  x = (u128)a.v[j] * K[j].v[0] + s0;        \
  s0 = LO(x);                               \
  c = HI(x);                                \
  x = (u128)a.v[j] * K[j].v[1] + s1 + c;    \
  s1 = LO(x);                               \
  c = HI(x);                                \
  x = (u128)a.v[j] * K[j].v[2] + s2 + c;    \
  s2 = LO(x);                               \
  c = HI(x);                                \
  x = (u128)a.v[j] * K[j].v[3] + s3 + c;    \
  s3 = LO(x);                               \
  s4 += HI(x);
  P2_DIAG_ROW(1)
  P2_DIAG_ROW(2)
  P2_DIAG_ROW(3)
#undef P2_DIAG_ROW
  m = s0 * INV;
  x = (u128)m * P0 + s0;
  c = HI(x);
  x = (u128)m * P1 + s1 + c;
  s1 = LO(x);
  c = HI(x);
  x = (u128)m * P2 + s2 + c;
  s2 = LO(x);
  c = HI(x);
  x = (u128)m * P3 + s3 + c;
  s3 = LO(x);
  s4 += HI(x);
  m = s1 * INV;
  x = (u128)m * P0 + s1;
  c = HI(x);
  x = (u128)m * P1 + s2 + c;
  s2 = LO(x);
  c = HI(x);
  x = (u128)m * P2 + s3 + c;
  s3 = LO(x);
  c = HI(x);
  x = (u128)m * P3 + s4 + c;
  fr r = {{s2, s3, LO(x), HI(x)}};
  return r;
}

#endif /* P2_X86 */

/* ------------------------------------------------------------------------------------------ */
/* The permutation (scalar) */

/* x^5, lazy in/out */
P2_INLINE fr sbox(fr x) {
  fr t = sqr_lazy(x);
  t = sqr_lazy(t);
  return mul_lazy(x, t);
}


/* M4 = [[5,7,1,3],[4,6,1,1],[1,3,5,7],[1,1,4,6]] by the Poseidon2 paper's addition chain. */
P2_INLINE void external_matrix(fr s[4]) {
  fr t0 = add_lazy(s[0], s[1]);              /* a + b */
  fr t1 = add_lazy(s[2], s[3]);              /* c + d */
  fr t2 = add_lazy(add_lazy(s[1], s[1]), t1); /* 2b + t1 */
  fr t3 = add_lazy(add_lazy(s[3], s[3]), t0); /* 2d + t0 */
  fr u = add_lazy(t1, t1);
  fr t4 = add_lazy(add_lazy(u, u), t3); /* 4 t1 + t3 */
  u = add_lazy(t0, t0);
  fr t5 = add_lazy(add_lazy(u, u), t2); /* 4 t0 + t2 */
  s[0] = add_lazy(t3, t5);              /* t6 */
  s[1] = t5;
  s[2] = add_lazy(t2, t4);              /* t7 */
  s[3] = t4;
}

P2_INLINE void full_round(fr s[4], const fr *rc) {
  for (int i = 0; i < 4; i++) {
    s[i] = sbox(add_lazy(s[i], rc[i]));
  }
  external_matrix(s);
}

/* x_i <- D_i x_i + (x_0 + x_1 + x_2 + x_3) after the S-box on x_0 */
P2_INLINE void partial_round(fr s[4], const fr *rc) {
  fr x0 = sbox(add_lazy(s[0], *rc));
  fr sum = add_lazy(add_lazy(x0, s[1]), add_lazy(s[2], s[3]));
  s[0] = add_lazy(mul_diag(x0, DIAG_K[0]), sum);
  s[1] = add_lazy(mul_diag(s[1], DIAG_K[1]), sum);
  s[2] = add_lazy(mul_diag(s[2], DIAG_K[2]), sum);
  s[3] = add_lazy(mul_diag(s[3], DIAG_K[3]), sum);
}

#if !P2_IFMA
/* Lazy (below 2r) state in, canonical state out. */
static void permute_scalar(fr s[4]) {
  external_matrix(s);
  for (int r = 0; r < 4; r++) {
    full_round(s, RC_FIRST + 4 * r);
  }
  for (int r = 0; r < 56; r++) {
    partial_round(s, RC_PARTIAL + r);
  }
  for (int r = 0; r < 4; r++) {
    full_round(s, RC_LAST + 4 * r);
  }
  for (int i = 0; i < 4; i++) {
    s[i] = reduce(s[i]);
  }
}
#endif

P2_INLINE fr load_fr(const u64 *p) {
  fr r;
  memcpy(r.v, p, sizeof r.v);
  return r;
}

P2_INLINE void store_fr(u64 *p, fr a) {
  memcpy(p, a.v, sizeof a.v);
}

#if P2_IFMA
/* ------------------------------------------------------------------------------------------ */
/*
 * AVX-512 IFMA kernels (256-bit vectors of four 64-bit lanes, VPMADD52LUQ/HUQ).
 *
 * An element is five 52-bit limbs, one vector per limb ("fv"), each lane an independent element.
 * Montgomery form here uses R' = 2^260: a state in the interface's R = 2^256 form enters through
 * one multiplication by 2^264 mod r and leaves through one by 2^256 mod r. The Montgomery product
 * of values below a r and b r is below (a b r / 2^260 + 1) r, and r / 2^260 < 1/84, so values may
 * stay a small multiple of r without any modular reduction: the external matrix (row sums up to
 * 16) and the round constants add freely (at most about 25 r), and the S-box brings values back
 * near r. Only the partial rounds' running sum, added into every element each round, is folded
 * back (fv_fold_top): it peaks below 73 r in the first partial round, under the 84 r that five
 * 52-bit limbs hold, and settles near 10 r. Multiplication inputs are normalised first.
 *
 * Two layouts, both four lanes wide (256-bit IFMA runs two instructions per cycle on Zen 4, the
 * same lane throughput as 512-bit):
 *   - permute_ifma_single: one state, lane e = element e. Full rounds use all lanes, the external
 *     matrix becomes lane permutations; in the partial rounds the diagonal products ride in the
 *     lanes the single S-box leaves idle (three multiplications per round, see
 *     lanes_partial_rounds). The chain of partial rounds is what a single permutation costs.
 *   - permute_ifma_x4: four independent states, lane k = state k (the batch hash), with the
 *     diagonal multiplications through K tables (fv_mul_diag, two reduction words).
 * Multiplication results are normalised (limbs below 2^52, as VPMADD52 reads only 52 bits).
 */

typedef __m256i v4;

typedef struct {
  v4 l[5];
} fv;

#define M52 0xfffffffffffffULL

static const u64 P52[5] = {0x1f593f0000001ULL, 0x4879b9709143eULL, 0x181585d2833e8ULL,
                           0xa029b85045b68ULL, 0x030644e72e131ULL};
#define INV52 0x1f593efffffffULL
/* 2^254 mod r */
static const u64 C254_52[5] = {0xe0a6c0fffffffULL, 0xb786468f6ebc1ULL, 0xe7ea7a2d7cc17ULL,
                               0x5fd647afba497ULL, 0x00f9bb18d1eceULL};
/* 2^264 mod r: R = 2^256 form -> R' = 2^260 form */
static const u64 TO52[5] = {0x31f8c9ffffab6ULL, 0xac31329faef6eULL, 0x9e2a3495d7570ULL,
                            0xe357276f48b70ULL, 0x00d791464ef86ULL};
/* 2^256 mod r: R' form -> R form */
static const u64 FROM52[5] = {0x6341c4ffffffbULL, 0x959f60cd29ac9ULL, 0x879462e36fc76ULL,
                              0xdf2f666ea36f7ULL, 0x00e0a77c19a07ULL};

/* Round constants and diagonal in R' form, 52-bit limbs: [constant][limb]. Filled at load. */
static u64 RC_FIRST52[16][5], RC_PARTIAL52[56][5], RC_LAST52[16][5], DIAG52[4][5];
/* DIAGK52[i][j] = D_i 2^(104 + 52 j) mod r (plain): x D_i' / 2^260 = REDC_104(sum_j x_j K_j). */
static u64 DIAGK52[4][5][5];
/* The same as lane vectors for the single-state layout: [round][limb][lane]. */
static u64 RC_FIRST_LANES[4][5][4] __attribute__((aligned(32)));
static u64 RC_LAST_LANES[4][5][4] __attribute__((aligned(32)));
static u64 RC_PARTIAL_LANES[56][5][4] __attribute__((aligned(32))); /* lane 0 only */

#define BC(x) _mm256_set1_epi64x((long long)(x))
#define MADLO(acc, a, b) _mm256_madd52lo_epu64((acc), (a), (b))
#define MADHI(acc, a, b) _mm256_madd52hi_epu64((acc), (a), (b))

P2_INLINE fv fv_bc(const u64 c[5]) {
  fv r;
  for (int k = 0; k < 5; k++) {
    r.l[k] = BC(c[k]);
  }
  return r;
}

P2_INLINE fv fv_add(fv a, fv b) {
  fv r;
  for (int k = 0; k < 5; k++) {
    r.l[k] = _mm256_add_epi64(a.l[k], b.l[k]);
  }
  return r;
}

/* carries each limb's excess into the next: limbs 0..3 below 2^52 */
P2_INLINE fv fv_norm(fv a) {
  const v4 m = BC(M52);
  for (int k = 0; k < 4; k++) {
    a.l[k + 1] = _mm256_add_epi64(a.l[k + 1], _mm256_srli_epi64(a.l[k], 52));
    a.l[k] = _mm256_and_si256(a.l[k], m);
  }
  return a;
}

/*
 * a * b / 2^260 mod r (lanewise) for normalised a, b; normalised result below a b / 2^260 + r.
 * Operand scanning; the reduction word's low product is never formed: t0 + lo(m p0) is the next
 * multiple of 2^52 at or above t0, so its carry is (t0 + 2^52 - 1) >> 52.
 */
P2_INLINE fv fv_mul(fv a, fv b) {
  const v4 z = _mm256_setzero_si256(), inv = BC(INV52), m52 = BC(M52);
  const v4 p0 = BC(P52[0]), p1 = BC(P52[1]), p2 = BC(P52[2]), p3 = BC(P52[3]), p4 = BC(P52[4]);
  v4 t0 = z, t1 = z, t2 = z, t3 = z, t4 = z, t5, m, lo0, hi0;
  for (int i = 0; i < 5; i++) {
    /* the products a * b_i first (independent of the running value, off the critical path) */
    const v4 bi = b.l[i];
    lo0 = MADLO(z, a.l[0], bi);
    t1 = MADHI(MADLO(t1, a.l[1], bi), a.l[0], bi);
    t2 = MADHI(MADLO(t2, a.l[2], bi), a.l[1], bi);
    t3 = MADHI(MADLO(t3, a.l[3], bi), a.l[2], bi);
    t4 = MADHI(MADLO(t4, a.l[4], bi), a.l[3], bi);
    t5 = MADHI(z, a.l[4], bi);
    /* one reduction word; the low word's carry is taken without forming lo(m p0) */
    t0 = _mm256_add_epi64(t0, lo0);
    m = MADLO(z, t0, inv);
    hi0 = MADHI(z, m, p0);
    t1 = MADLO(t1, m, p1);
    t2 = MADHI(MADLO(t2, m, p2), m, p1);
    t3 = MADHI(MADLO(t3, m, p3), m, p2);
    t4 = MADHI(MADLO(t4, m, p4), m, p3);
    t5 = MADHI(t5, m, p4);
    t0 = _mm256_add_epi64(_mm256_add_epi64(t1, hi0), _mm256_srli_epi64(_mm256_add_epi64(t0, m52), 52));
    t1 = t2;
    t2 = t3;
    t3 = t4;
    t4 = t5;
  }
  fv r = {{t0, t1, t2, t3, t4}};
  return fv_norm(r);
}

/* a^2 / 2^260 mod r: cross products once and doubled, then five reduction words. */
P2_INLINE fv fv_sqr(fv a) {
  const v4 z = _mm256_setzero_si256(), inv = BC(INV52), m52 = BC(M52);
  const v4 a0 = a.l[0], a1 = a.l[1], a2 = a.l[2], a3 = a.l[3], a4 = a.l[4];
  v4 t[10];
  /* cross products a_i a_j (i < j) at column i + j (lo) and i + j + 1 (hi) */
  t[1] = MADLO(z, a0, a1);
  t[2] = MADLO(MADHI(z, a0, a1), a0, a2);
  t[3] = MADLO(MADLO(MADHI(z, a0, a2), a0, a3), a1, a2);
  t[4] = MADLO(MADLO(MADHI(MADHI(z, a0, a3), a1, a2), a0, a4), a1, a3);
  t[5] = MADLO(MADLO(MADHI(MADHI(z, a0, a4), a1, a3), a1, a4), a2, a3);
  t[6] = MADLO(MADHI(MADHI(z, a1, a4), a2, a3), a2, a4);
  t[7] = MADLO(MADHI(z, a2, a4), a3, a4);
  t[8] = MADHI(z, a3, a4);
  for (int k = 1; k < 9; k++) {
    t[k] = _mm256_add_epi64(t[k], t[k]);
  }
  t[0] = MADLO(z, a0, a0);
  t[1] = MADHI(t[1], a0, a0);
  t[2] = MADLO(t[2], a1, a1);
  t[3] = MADHI(t[3], a1, a1);
  t[4] = MADLO(t[4], a2, a2);
  t[5] = MADHI(t[5], a2, a2);
  t[6] = MADLO(t[6], a3, a3);
  t[7] = MADHI(t[7], a3, a3);
  t[8] = MADLO(t[8], a4, a4);
  t[9] = MADHI(z, a4, a4);
  const v4 p0 = BC(P52[0]), p1 = BC(P52[1]), p2 = BC(P52[2]), p3 = BC(P52[3]), p4 = BC(P52[4]);
  for (int i = 0; i < 5; i++) {
    v4 m = MADLO(z, t[i], inv);
    t[i + 1] = MADLO(MADHI(t[i + 1], m, p0), m, p1);
    t[i + 2] = MADLO(MADHI(t[i + 2], m, p1), m, p2);
    t[i + 3] = MADLO(MADHI(t[i + 3], m, p2), m, p3);
    t[i + 4] = MADLO(MADHI(t[i + 4], m, p3), m, p4);
    t[i + 5] = MADHI(t[i + 5], m, p4);
    t[i + 1] = _mm256_add_epi64(t[i + 1], _mm256_srli_epi64(_mm256_add_epi64(t[i], m52), 52));
  }
  fv r = {{t[5], t[6], t[7], t[8], t[9]}};
  return fv_norm(r);
}

/*
 * x * D' / 2^260 for an internal-diagonal constant given by K[j] = D 2^(104 + 52 j) mod r: the
 * 25 products land in six columns (sum below 5 2^52 r), then only two reduction words. Normalised
 * x in, normalised result below r + 2^208 out.
 */
P2_INLINE fv fv_mul_diag(fv x, const u64 (*K)[5]) {
  const v4 z = _mm256_setzero_si256(), inv = BC(INV52), m52 = BC(M52);
  v4 t[7];
  for (int k = 0; k < 7; k++) {
    t[k] = z;
  }
  for (int j = 0; j < 5; j++) {
    for (int l = 0; l < 5; l++) {
      const v4 c = BC(K[j][l]);
      t[l] = MADLO(t[l], x.l[j], c);
      t[l + 1] = MADHI(t[l + 1], x.l[j], c);
    }
  }
  const v4 p0 = BC(P52[0]), p1 = BC(P52[1]), p2 = BC(P52[2]), p3 = BC(P52[3]), p4 = BC(P52[4]);
  for (int i = 0; i < 2; i++) {
    v4 m = MADLO(z, t[i], inv);
    t[i + 1] = MADLO(MADHI(t[i + 1], m, p0), m, p1);
    t[i + 2] = MADLO(MADHI(t[i + 2], m, p1), m, p2);
    t[i + 3] = MADLO(MADHI(t[i + 3], m, p2), m, p3);
    t[i + 4] = MADLO(MADHI(t[i + 4], m, p3), m, p4);
    t[i + 5] = MADHI(t[i + 5], m, p4);
    t[i + 1] = _mm256_add_epi64(t[i + 1], _mm256_srli_epi64(_mm256_add_epi64(t[i], m52), 52));
  }
  fv r = {{t[2], t[3], t[4], t[5], t[6]}};
  return fv_norm(r);
}

/* x^5 of a normalised value */
P2_INLINE fv fv_sbox(fv x) {
  fv t = fv_sqr(x);
  t = fv_sqr(t);
  return fv_mul(x, t);
}

/*
 * Folds the bits at and above 2^254 back in: x - q 2^254 + q (2^254 mod r) with q taken from the
 * top limb alone, so x need not be normalised (limbs below 2^60): the lower limbs then add less
 * than 2^214 and q is at most one short, which only loosens the bound. Not normalised.
 */
P2_INLINE fv fv_fold_top(fv x) {
  const v4 q = _mm256_srli_epi64(x.l[4], 46);
  x.l[4] = _mm256_and_si256(x.l[4], BC((1ULL << 46) - 1));
  x.l[0] = MADLO(x.l[0], q, BC(C254_52[0]));
  x.l[1] = MADLO(MADHI(x.l[1], q, BC(C254_52[0])), q, BC(C254_52[1]));
  x.l[2] = MADLO(MADHI(x.l[2], q, BC(C254_52[1])), q, BC(C254_52[2]));
  x.l[3] = MADLO(MADHI(x.l[3], q, BC(C254_52[2])), q, BC(C254_52[3]));
  x.l[4] = MADLO(MADHI(x.l[4], q, BC(C254_52[3])), q, BC(C254_52[4]));
  return x;
}

/* 4x64 canonical limbs -> 5x52 limbs (scalar helper) */
P2_INLINE void to52(u64 out[5], const u64 *v) {
  out[0] = v[0] & M52;
  out[1] = ((v[0] >> 52) | (v[1] << 12)) & M52;
  out[2] = ((v[1] >> 40) | (v[2] << 24)) & M52;
  out[3] = ((v[2] >> 28) | (v[3] << 36)) & M52;
  out[4] = v[3] >> 16;
}

/* normalised 5x52 limbs of a value below 2^256 -> 4x64 limbs */
P2_INLINE fr from52(const u64 l[5]) {
  fr r;
  r.v[0] = l[0] | (l[1] << 52);
  r.v[1] = (l[1] >> 12) | (l[2] << 40);
  r.v[2] = (l[2] >> 24) | (l[3] << 28);
  r.v[3] = (l[3] >> 36) | (l[4] << 16);
  return r;
}

/* R-form canonical -> R'-form constant limbs */
static void to_r260(u64 out[5], const fr *c) {
  fr x = *c;
  for (int i = 0; i < 4; i++) {
    x = reduce(add_lazy(x, x));
  }
  to52(out, x.v);
}

__attribute__((constructor)) static void p2_ifma_init(void) {
  for (int i = 0; i < 16; i++) {
    to_r260(RC_FIRST52[i], &RC_FIRST[i]);
    to_r260(RC_LAST52[i], &RC_LAST[i]);
  }
  for (int i = 0; i < 56; i++) {
    to_r260(RC_PARTIAL52[i], &RC_PARTIAL[i]);
  }
  for (int i = 0; i < 4; i++) {
    to_r260(DIAG52[i], &DIAG[i]);
  }
  fr pow2 = {{1, 0, 0, 0}}; /* plain 2^k mod r */
  for (int k = 1; k <= 104 + 52 * 4; k++) {
    pow2 = reduce(add_lazy(pow2, pow2));
    if (k >= 104 && (k - 104) % 52 == 0) {
      for (int i = 0; i < 4; i++) {
        fr kij = reduce(mul_lazy(DIAG[i], pow2)); /* D_i 2^256 * 2^k / 2^256 */
        to52(DIAGK52[i][(k - 104) / 52], kij.v);
      }
    }
  }
  for (int r = 0; r < 4; r++) {
    for (int k = 0; k < 5; k++) {
      for (int e = 0; e < 4; e++) {
        RC_FIRST_LANES[r][k][e] = RC_FIRST52[4 * r + e][k];
        RC_LAST_LANES[r][k][e] = RC_LAST52[4 * r + e][k];
      }
    }
  }
  for (int r = 0; r < 56; r++) {
    for (int k = 0; k < 5; k++) {
      RC_PARTIAL_LANES[r][k][0] = RC_PARTIAL52[r][k];
    }
  }
}

/* lane-wise vector of four per-lane constants c[lane][limb] */
P2_INLINE fv fv_lanes(const u64 c0[5], const u64 c1[5], const u64 c2[5], const u64 c3[5]) {
  fv r;
  for (int k = 0; k < 5; k++) {
    r.l[k] = _mm256_set_epi64x((long long)c3[k], (long long)c2[k], (long long)c1[k], (long long)c0[k]);
  }
  return r;
}

/* R'-form lazy value (normalised, below 2^256 after the exit multiplication) -> canonical R form */
P2_INLINE void fv_store_lanes(fv x, u64 *out0, u64 *out1, u64 *out2, u64 *out3) {
  u64 *outs[4] = {out0, out1, out2, out3};
  u64 l[5][4];
  for (int k = 0; k < 5; k++) {
    _mm256_storeu_si256((v4 *)l[k], x.l[k]);
  }
  for (int e = 0; e < 4; e++) {
    u64 c[5] = {l[0][e], l[1][e], l[2][e], l[3][e], l[4][e]};
    fr v = from52(c);
    v = reduce(reduce(v));
    store_fr(outs[e], v);
  }
}

/* ---- one state, lane e = element e ---- */

#define SWAP_PAIRS(v) _mm256_shuffle_epi32((v), 0x4e)         /* (1,0,3,2) */
#define SWAP_HALVES(v) _mm256_permute4x64_epi64((v), 0x4e)    /* (2,3,0,1) */
#define DUP_ODD(v) _mm256_permute4x64_epi64((v), 0xf5)        /* (1,1,3,3) */
#define ODD_REV(v) _mm256_permute4x64_epi64((v), 0x5f)        /* (3,3,1,1) */

/* M4 on the lanes (a, b, c, d) -> (t6, t5, t7, t4) of the addition chain; not normalised */
P2_INLINE fv lanes_external(fv s) {
  fv r;
  for (int k = 0; k < 5; k++) {
    v4 v = s.l[k];
    v4 x = _mm256_add_epi64(v, SWAP_PAIRS(v)); /* (t0, t0, t1, t1) */
    v4 y = _mm256_add_epi64(v, v);             /* (2a, 2b, 2c, 2d) */
    /* (t5, t5, t4, t4) = 4 (t0, t0, t1, t1) + (2b, 2b, 2d, 2d) + (t1, t1, t0, t0) */
    v4 w = _mm256_add_epi64(_mm256_slli_epi64(x, 2), _mm256_add_epi64(DUP_ODD(y), SWAP_HALVES(x)));
    /* + (t3, 0, t2, 0) = (2d + t0, -, 2b + t1, -) */
    v4 u = _mm256_add_epi64(ODD_REV(y), x);
    r.l[k] = _mm256_mask_add_epi64(w, 0x5, w, u);
  }
  return r;
}

P2_INLINE fv lanes_hsum(fv s) {
  for (int k = 0; k < 5; k++) {
    v4 v = _mm256_add_epi64(s.l[k], SWAP_PAIRS(s.l[k]));
    s.l[k] = _mm256_add_epi64(v, SWAP_HALVES(v));
  }
  return s;
}

P2_INLINE fv fv_load_lanes(const u64 (*c)[4]) {
  fv r;
  for (int k = 0; k < 5; k++) {
    r.l[k] = _mm256_load_si256((const v4 *)c[k]);
  }
  return r;
}

#define BCAST_LANE0_TO_1(v) _mm256_shuffle_epi32((v), 0x44) /* (0,0,2,2) */
#define LANE0 0x03
#define LANE1 0x0c

/*
 * The partial rounds on lanes (y, x1, x2, x3), y = x0 + c already added. Three multiplications
 * per round, the diagonal products riding in the lanes the S-box leaves idle:
 *   P1 = (y, x1, x2, x3) * (y, D1, D2, D3)  = (y^2, D1 x1, D2 x2, D3 x3)
 *   P2 = (y^2, y) * (y^2, D0)               = (y^4, D0 y)
 *   P3 = (y^4, y^4) * (y, D0 y)             = (u, D0 u),  u = y^5
 * then s = u + x1 + x2 + x3 and the next state is (D0 u, D1 x1, D2 x2, D3 x3) + s.
 */
static fv lanes_partial_rounds(fv y) {
  const fv dv = fv_lanes(DIAG52[0], DIAG52[1], DIAG52[2], DIAG52[3]);
  const fv d0 = fv_bc(DIAG52[0]);
  for (int r = 0; r < 56; r++) {
    fv b1, a2, b2, a3, b3, v, w;
    for (int k = 0; k < 5; k++) {
      b1.l[k] = _mm256_blend_epi32(dv.l[k], y.l[k], LANE0);
    }
    fv p1 = fv_mul(y, b1);
    for (int k = 0; k < 5; k++) {
      a2.l[k] = _mm256_blend_epi32(p1.l[k], BCAST_LANE0_TO_1(y.l[k]), LANE1);
      b2.l[k] = _mm256_blend_epi32(p1.l[k], d0.l[k], LANE1);
    }
    fv p2 = fv_mul(a2, b2);
    for (int k = 0; k < 5; k++) {
      a3.l[k] = BCAST_LANE0_TO_1(p2.l[k]);
      b3.l[k] = _mm256_blend_epi32(y.l[k], p2.l[k], LANE1);
    }
    fv p3 = fv_mul(a3, b3);
    for (int k = 0; k < 5; k++) {
      v.l[k] = _mm256_blend_epi32(y.l[k], p3.l[k], LANE0);
      w.l[k] = _mm256_blend_epi32(p1.l[k], SWAP_PAIRS(p3.l[k]), LANE0);
    }
    fv sum = fv_fold_top(lanes_hsum(v));
    w = fv_add(w, sum);
    if (r + 1 < 56) {
      w = fv_add(w, fv_load_lanes(RC_PARTIAL_LANES[r + 1]));
    }
    y = fv_norm(w);
  }
  return y;
}

static void permute_ifma_single(u64 *state) {
  fv s;
  {
    u64 l[4][5];
    for (int e = 0; e < 4; e++) {
      to52(l[e], state + 4 * e);
    }
    s = fv_mul(fv_lanes(l[0], l[1], l[2], l[3]), fv_bc(TO52));
  }
  s = lanes_external(s);
  for (int r = 0; r < 4; r++) {
    s = fv_sbox(fv_norm(fv_add(s, fv_load_lanes(RC_FIRST_LANES[r]))));
    s = lanes_external(s);
  }
  s = lanes_partial_rounds(fv_norm(fv_add(s, fv_load_lanes(RC_PARTIAL_LANES[0]))));
  for (int r = 0; r < 4; r++) {
    s = fv_sbox(fv_norm(fv_add(s, fv_load_lanes(RC_LAST_LANES[r]))));
    s = lanes_external(s);
  }
  s = fv_mul(fv_norm(s), fv_bc(FROM52));
  fv_store_lanes(s, state, state + 4, state + 8, state + 12);
}

/* ---- four states, lane k = state k ---- */

/* element e of states st[0..3] (R form, canonical or lazy below 2r) -> R' form */
P2_INLINE fv x4_load(const u64 *const st[4], int e) {
  u64 l[4][5];
  for (int k = 0; k < 4; k++) {
    to52(l[k], st[k] + 4 * e);
  }
  return fv_lanes(l[0], l[1], l[2], l[3]);
}

P2_INLINE void x4_external(fv x[4]) {
  fv t0 = fv_add(x[0], x[1]);
  fv t1 = fv_add(x[2], x[3]);
  fv t2 = fv_add(fv_add(x[1], x[1]), t1);
  fv t3 = fv_add(fv_add(x[3], x[3]), t0);
  fv t4, t5;
  for (int k = 0; k < 5; k++) {
    t4.l[k] = _mm256_add_epi64(_mm256_slli_epi64(t1.l[k], 2), t3.l[k]);
    t5.l[k] = _mm256_add_epi64(_mm256_slli_epi64(t0.l[k], 2), t2.l[k]);
  }
  x[0] = fv_add(t3, t5);
  x[1] = t5;
  x[2] = fv_add(t2, t4);
  x[3] = t4;
}

P2_INLINE void x4_full_round(fv x[4], const u64 (*rc)[5]) {
  for (int e = 0; e < 4; e++) {
    x[e] = fv_sbox(fv_norm(fv_add(x[e], fv_bc(rc[e]))));
  }
  x4_external(x);
}

/* Permutes four states at once (lane k = state k): R-form elements in, normalised R-form out. */
static void permute_ifma_x4(fv x[4]) {
  const fv to = fv_bc(TO52);
  for (int e = 0; e < 4; e++) {
    x[e] = fv_mul(x[e], to);
  }
  x4_external(x);
  for (int r = 0; r < 4; r++) {
    x4_full_round(x, RC_FIRST52 + 4 * r);
  }
  for (int e = 0; e < 4; e++) {
    x[e] = fv_norm(x[e]);
  }
  for (int r = 0; r < 56; r++) {
    fv u = fv_sbox(fv_norm(fv_add(x[0], fv_bc(RC_PARTIAL52[r]))));
    fv sum = fv_fold_top(fv_add(fv_add(u, x[1]), fv_add(x[2], x[3])));
    x[0] = fv_norm(fv_add(fv_mul_diag(u, DIAGK52[0]), sum));
    for (int e = 1; e < 4; e++) {
      x[e] = fv_norm(fv_add(fv_mul_diag(x[e], DIAGK52[e]), sum));
    }
  }
  for (int r = 0; r < 4; r++) {
    x4_full_round(x, RC_LAST52 + 4 * r);
  }
  const fv from = fv_bc(FROM52);
  for (int e = 0; e < 4; e++) {
    x[e] = fv_mul(fv_norm(x[e]), from);
  }
}

/* hashes of four pairs: in + 8k -> out + 4k, k < 4 */
static void hash2_ifma_x4(const u64 *in, u64 *out) {
  const u64 *st[4] = {in, in + 8, in + 16, in + 24};
  fv x[4];
  x[0] = x4_load(st, 0);
  x[1] = x4_load(st, 1);
  u64 iv[5];
  to52(iv, IV2.v);
  for (int k = 0; k < 5; k++) {
    x[2].l[k] = _mm256_setzero_si256();
  }
  x[3] = fv_bc(iv);
  permute_ifma_x4(x);
  u64 l[5][4];
  for (int k = 0; k < 5; k++) {
    _mm256_storeu_si256((v4 *)l[k], x[0].l[k]);
  }
  for (int j = 0; j < 4; j++) {
    u64 c[5] = {l[0][j], l[1][j], l[2][j], l[3][j], l[4][j]};
    store_fr(out + 4 * j, reduce(reduce(from52(c))));
  }
}
#endif /* P2_IFMA */

/* ------------------------------------------------------------------------------------------ */
/* Exported entry points */

/* state: 16 limbs, elements below 2r in, canonical out */
static void permute_limbs(u64 *state) {
#if P2_IFMA
  permute_ifma_single(state);
#else
  fr s[4];
  for (int i = 0; i < 4; i++) {
    s[i] = load_fr(state + 4 * i);
  }
  permute_scalar(s);
  for (int i = 0; i < 4; i++) {
    store_fr(state + 4 * i, s[i]);
  }
#endif
}

P2_EXPORT void quetzal_p2_permute(uint64_t *state) {
  permute_limbs(state);
}

P2_EXPORT void quetzal_p2_hash2_batch(const uint64_t *in, uint64_t *out, size_t n) {
  size_t k = 0;
#if P2_IFMA
  for (; k + 4 <= n; k += 4) {
    hash2_ifma_x4(in + 8 * k, out + 4 * k);
  }
#endif
  for (; k < n; k++) {
    fr s[4];
    s[0] = load_fr(in + 8 * k);
    s[1] = load_fr(in + 8 * k + 4);
    memset(&s[2], 0, sizeof s[2]);
    s[3] = IV2;
    u64 st[16];
    for (int i = 0; i < 4; i++) {
      store_fr(st + 4 * i, s[i]);
    }
    permute_limbs(st);
    memcpy(out + 4 * k, st, 4 * sizeof(u64));
  }
}

P2_EXPORT void quetzal_p2_permute_batch(uint64_t *states, size_t n) {
  for (size_t k = 0; k < n; k++) {
    permute_limbs(states + 16 * k);
  }
}

/* barretenberg's FieldSponge: rate 3, capacity IV len * 2^64, squeeze = permute the last block */
P2_EXPORT void quetzal_p2_hash(const uint64_t *in, size_t len, uint64_t *out) {
  fr s[4];
  memset(s, 0, sizeof s);
  fr plain = {{0, (u64)len, 0, 0}};
  s[3] = reduce(mul_lazy(plain, R2));
  size_t i = 0;
  do {
    for (size_t j = 0; j < 3 && i + j < len; j++) {
      s[j] = add_lazy(s[j], load_fr(in + 4 * (i + j)));
    }
    u64 st[16];
    for (int k = 0; k < 4; k++) {
      store_fr(st + 4 * k, s[k]);
    }
    permute_limbs(st);
    for (int k = 0; k < 4; k++) {
      s[k] = load_fr(st + 4 * k);
    }
    i += 3;
  } while (i < len);
  store_fr(out, s[0]);
}

P2_EXPORT uint64_t quetzal_p2_constants(uint64_t *out) {
  size_t k = 0;
  memcpy(out + k, RC_FIRST, sizeof RC_FIRST);
  k += sizeof(RC_FIRST) / (sizeof(u64));
  memcpy(out + k, RC_PARTIAL, sizeof RC_PARTIAL);
  k += sizeof(RC_PARTIAL) / (sizeof(u64));
  memcpy(out + k, RC_LAST, sizeof RC_LAST);
  k += sizeof(RC_LAST) / (sizeof(u64));
  memcpy(out + k, DIAG, sizeof DIAG);
  k += sizeof(DIAG) / (sizeof(u64));
  return k;
}

P2_EXPORT uint64_t quetzal_p2_features(void) {
  return (P2_X86 ? 1u : 0u) | (P2_IFMA ? 2u : 0u);
}
