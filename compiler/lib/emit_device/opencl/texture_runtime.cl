/* Texture and surface access with CUDA's rules, for modules whose kernels
 * use texture or surface objects or texture references. Texels live in an
 * ordinary __global buffer (include/cucl/module_abi.h, cuclTextureDesc), so
 * the results are the same on every device, with or without image support.
 *
 * CUDA's rules implemented here (CUDA C++ Programming Guide, "Texture
 * Fetching"):
 * - coordinates: unnormalized in texels, or normalized ([0, 1) covers the
 *   texture) when desc.normalizedCoords; a texel's centre is at i + 0.5;
 * - address modes per dimension: Wrap and Mirror (normalized coordinates
 *   only; otherwise they act as Clamp), Clamp, Border (borderColor, or 0);
 * - point filtering: the texel floor(x); linear filtering: the weights come
 *   from x - 0.5 with CUDA's 9-bit fixed point (8 fractional bits), i.e.
 *   alpha = round(frac * 256) / 256, for 1-D, 2-D (bilinear) and 3-D;
 * - read modes: ElementType returns the stored value (integers as integers);
 *   NormalizedFloat maps 8- and 16-bit integers to [0, 1] (unsigned) or
 *   [-1, 1] (signed, -128 -> -1.0); 32-bit integer textures cannot use it;
 * - half (16-bit Float) channels read as float; missing channels read 0
 *   (w as well: CUDA returns 0 for absent components);
 * - tex1Dfetch on linear memory: integer index, no filtering, an index
 *   outside [0, width) reads 0 in every channel;
 * - layered arrays: the layer index is an integer, clamped to the layers;
 * - cubemaps: the face and (s, t) come from the direction (x, y, z) as CUDA's
 *   table gives them, then 2-D sampling of that face.
 *
 * Results are the raw sample as float4 (float formats and NormalizedFloat
 * reads), int4 (signed integer element reads) or uint4 (unsigned integer
 * element reads); the emitted code converts them to the type the CUDA call
 * asked for.
 *
 * Precisely (the runtime tests compare every case with a host model of
 * these rules, tests/runtime/texture_sampling_test.cpp):
 * - a coordinate that is NaN counts as 0; normalized coordinates are scaled
 *   by the extent (x * width, in float); the result is clamped to
 *   [-2^62, 2^62] before it is turned into texel indices;
 * - address modes act on integer texel indices (as the hardware does): Wrap
 *   i mod n, Mirror reflects in periods of 2n, Clamp to [0, n-1], Border
 *   gives borderColor for an index outside [0, n) (0 in channels the format
 *   lacks; integer reads get the colour's bits, as CUDA asks programs to
 *   store integer border colours);
 * - point: i = floor(x); linear: xb = x - 0.5, i = floor(xb), the weight is
 *   w = round((xb - i) * 256) (half away from zero) in 0..256, and the sample
 *   is the sum of weight products times texels in the Programming Guide's
 *   order ((i,j,k), (i+1,j,k), (i,j+1,k), (i+1,j+1,k), then k+1), each
 *   product of weights exact (an integer / 2^8, 2^16 or 2^24), in float
 *   without contraction into fma;
 * - the _f results convert 8- and 16-bit integers as NormalizedFloat does
 *   (v / 255, v / 65535, signed max(v / 127, -1), max(v / 32767, -1),
 *   correctly rounded), 32-bit integers to their float value, half channels
 *   exactly; sRGB (flag CUCL_TEXTURE_SRGB) maps 8-bit unsigned x, y, z
 *   channels through the sRGB curve (a table of correctly rounded values)
 *   before filtering; the _i / _u results are the stored integers (point
 *   sampling always: integers are never filtered);
 * - the cube face is the major axis (ties: x before y before z), and
 *   s = (sc / m + 1) / 2, t = (tc / m + 1) / 2 with a correctly rounded
 *   division, then 2-D sampling of that face at the normalized (s, t);
 * - layer indices are clamped to [0, layers - 1] (cubemap layered: cubes);
 * - an empty texture (width 0: cudaTextureObject_t 0) reads 0 everywhere.
 * Only correctly rounded operations are used (+, -, *, fma, floor, round,
 * integer arithmetic), so a device with IEEE single precision and denormals
 * gives the same bits as any other.
 */

typedef struct {
  ulong offset;
  uint width, height, depth, layers;
  uint rowPitch, slicePitch;
  uint channels, channelBytes, format, flags;
  uint addressMode[3];
  uint filterMode, readMode, normalizedCoords;
  uint reserved[2];
  float borderColor[4];
} cucl_texture_desc;

/* A texture or surface object as device code holds it. */
typedef struct {
  __global uchar *data;
  cucl_texture_desc desc;
} cucl_texture;

/* Sampling at (x, y, z) in `layer` (0 when not layered); unused coordinates
 * are 0. `dims` is the number of coordinates the CUDA call takes (1, 2, 3). */
float4 cucl_tex_sample_f(cucl_texture t, uint dims, float x, float y, float z, int layer);
int4 cucl_tex_sample_i(cucl_texture t, uint dims, float x, float y, float z, int layer);
uint4 cucl_tex_sample_u(cucl_texture t, uint dims, float x, float y, float z, int layer);

/* tex1Dfetch: element `i` of a linear-memory texture. */
float4 cucl_tex_fetch_f(cucl_texture t, int i);
int4 cucl_tex_fetch_i(cucl_texture t, int i);
uint4 cucl_tex_fetch_u(cucl_texture t, int i);

/* texCubemap / texCubemapLayered: the direction (x, y, z). */
float4 cucl_tex_cubemap_f(cucl_texture t, float x, float y, float z, int layer);
int4 cucl_tex_cubemap_i(cucl_texture t, float x, float y, float z, int layer);
uint4 cucl_tex_cubemap_u(cucl_texture t, float x, float y, float z, int layer);

/* tex2Dgather: component `comp` (0..3) of the four texels bilinear filtering
 * at (x, y) would use, in CUDA's order (x: (i, j+1), y: (i+1, j+1),
 * z: (i+1, j), w: (i, j)). */
float4 cucl_tex_gather_f(cucl_texture t, float x, float y, int comp);
int4 cucl_tex_gather_i(cucl_texture t, float x, float y, int comp);
uint4 cucl_tex_gather_u(cucl_texture t, float x, float y, int comp);

/* Surfaces: `size` bytes at byte column `xBytes`, row y, slice z, layer
 * `layer`. `mode` is a cudaSurfaceBoundaryMode: Zero (reads give 0, writes
 * are dropped), Clamp (to the nearest element), Trap. Returns 1 when a Trap
 * access was out of range (nothing was read or written): the caller raises
 * the launch failure; 0 otherwise. */
int cucl_surf_read(cucl_texture s, __private uchar *value, uint size, int xBytes, int y, int z,
                   int layer, int mode);
int cucl_surf_write(cucl_texture s, __private const uchar *value, uint size, int xBytes, int y,
                    int z, int layer, int mode);

/* ------------------------------------------------------------------------
 * Implementation. Helpers are prefixed cucl_tex_ / cucl_surf_.
 * ------------------------------------------------------------------------ */

#define CUCL_TEX_WRAP 0u
#define CUCL_TEX_CLAMP 1u
#define CUCL_TEX_MIRROR 2u
#define CUCL_TEX_BORDER 3u
#define CUCL_TEX_SIGNED 0u
#define CUCL_TEX_UNSIGNED 1u
#define CUCL_TEX_FLOAT 2u
#define CUCL_TEX_FLAG_LAYERED 2u
#define CUCL_TEX_FLAG_CUBEMAP 4u
#define CUCL_TEX_FLAG_SRGB 8u

/* sRGB to linear for each 8-bit value, correctly rounded to float. */
__constant float cucl_tex_srgb_table[256] = {
    0.0f, 0x1.3e4568p-12f, 0x1.3e4568p-11f, 0x1.dd681cp-11f,
    0x1.3e4568p-10f, 0x1.8dd6c2p-10f, 0x1.dd681cp-10f, 0x1.167cbap-9f,
    0x1.3e4568p-9f, 0x1.660e14p-9f, 0x1.8dd6c2p-9f, 0x1.b6a31cp-9f,
    0x1.e1e31ep-9f, 0x1.07c38cp-8f, 0x1.1fcc2cp-8f, 0x1.390ffap-8f,
    0x1.53936cp-8f, 0x1.6f5adep-8f, 0x1.8c6a94p-8f, 0x1.aac6cp-8f,
    0x1.ca7382p-8f, 0x1.eb74e2p-8f, 0x1.06e76cp-7f, 0x1.18c2a6p-7f,
    0x1.2b4e0ap-7f, 0x1.3e8b7cp-7f, 0x1.527cd6p-7f, 0x1.6723eep-7f,
    0x1.7c8292p-7f, 0x1.929a88p-7f, 0x1.a96d92p-7f, 0x1.c0fd68p-7f,
    0x1.d94bbep-7f, 0x1.f25a44p-7f, 0x1.061552p-6f, 0x1.135f3ep-6f,
    0x1.210bb8p-6f, 0x1.2f1b8cp-6f, 0x1.3d8f84p-6f, 0x1.4c6866p-6f,
    0x1.5ba6fap-6f, 0x1.6b4c04p-6f, 0x1.7b5842p-6f, 0x1.8bcc74p-6f,
    0x1.9ca958p-6f, 0x1.adefaap-6f, 0x1.bfa02p-6f, 0x1.d1bb74p-6f,
    0x1.e4425ap-6f, 0x1.f73586p-6f, 0x1.054ad4p-5f, 0x1.0f31bap-5f,
    0x1.194fccp-5f, 0x1.23a55ep-5f, 0x1.2e32c8p-5f, 0x1.38f86p-5f,
    0x1.43f678p-5f, 0x1.4f2d64p-5f, 0x1.5a9d76p-5f, 0x1.664702p-5f,
    0x1.722a56p-5f, 0x1.7e47c8p-5f, 0x1.8a9fa4p-5f, 0x1.97323ap-5f,
    0x1.a3ffd8p-5f, 0x1.b108dp-5f, 0x1.be4d6cp-5f, 0x1.cbcdfap-5f,
    0x1.d98ac6p-5f, 0x1.e7841cp-5f, 0x1.f5ba48p-5f, 0x1.0216cap-4f,
    0x1.096f26p-4f, 0x1.10e65cp-4f, 0x1.187c9p-4f, 0x1.2031e8p-4f,
    0x1.280688p-4f, 0x1.2ffa92p-4f, 0x1.380e2ap-4f, 0x1.404174p-4f,
    0x1.489494p-4f, 0x1.5107acp-4f, 0x1.599adep-4f, 0x1.624e4ep-4f,
    0x1.6b221ep-4f, 0x1.74167p-4f, 0x1.7d2b66p-4f, 0x1.86612p-4f,
    0x1.8fb7cp-4f, 0x1.992f68p-4f, 0x1.a2c83ap-4f, 0x1.ac8256p-4f,
    0x1.b65ddcp-4f, 0x1.c05aecp-4f, 0x1.ca79a8p-4f, 0x1.d4ba3p-4f,
    0x1.df1ca2p-4f, 0x1.e9a12p-4f, 0x1.f447cap-4f, 0x1.ff10bcp-4f,
    0x1.04fe0cp-3f, 0x1.0a84fep-3f, 0x1.101d44p-3f, 0x1.15c6eep-3f,
    0x1.1b8208p-3f, 0x1.214ea6p-3f, 0x1.272cd4p-3f, 0x1.2d1ca2p-3f,
    0x1.331e1ep-3f, 0x1.393158p-3f, 0x1.3f566p-3f, 0x1.458d42p-3f,
    0x1.4bd60ep-3f, 0x1.5230d4p-3f, 0x1.589dap-3f, 0x1.5f1c84p-3f,
    0x1.65ad8ap-3f, 0x1.6c50c4p-3f, 0x1.73063ep-3f, 0x1.79ce06p-3f,
    0x1.80a82ep-3f, 0x1.8794cp-3f, 0x1.8e93ccp-3f, 0x1.95a55ep-3f,
    0x1.9cc986p-3f, 0x1.a40052p-3f, 0x1.ab49cep-3f, 0x1.b2a60ap-3f,
    0x1.ba1512p-3f, 0x1.c196f4p-3f, 0x1.c92bbep-3f, 0x1.d0d37cp-3f,
    0x1.d88e3ep-3f, 0x1.e05c0ep-3f, 0x1.e83cfcp-3f, 0x1.f03116p-3f,
    0x1.f83866p-3f, 0x1.00297ep-2f, 0x1.044072p-2f, 0x1.086116p-2f,
    0x1.0c8b7p-2f, 0x1.10bf86p-2f, 0x1.14fd6p-2f, 0x1.194502p-2f,
    0x1.1d9676p-2f, 0x1.21f1bep-2f, 0x1.2656e4p-2f, 0x1.2ac5ecp-2f,
    0x1.2f3edep-2f, 0x1.33c1cp-2f, 0x1.384e98p-2f, 0x1.3ce56cp-2f,
    0x1.418642p-2f, 0x1.46312p-2f, 0x1.4ae60ep-2f, 0x1.4fa51p-2f,
    0x1.546e2cp-2f, 0x1.59416cp-2f, 0x1.5e1edp-2f, 0x1.630664p-2f,
    0x1.67f82ap-2f, 0x1.6cf428p-2f, 0x1.71fa68p-2f, 0x1.770aecp-2f,
    0x1.7c25bcp-2f, 0x1.814adcp-2f, 0x1.867a54p-2f, 0x1.8bb428p-2f,
    0x1.90f86p-2f, 0x1.9647p-2f, 0x1.9ba01p-2f, 0x1.a10394p-2f,
    0x1.a67192p-2f, 0x1.abea1p-2f, 0x1.b16d14p-2f, 0x1.b6faa4p-2f,
    0x1.bc92c6p-2f, 0x1.c2357ep-2f, 0x1.c7e2d2p-2f, 0x1.cd9acap-2f,
    0x1.d35d6ap-2f, 0x1.d92ab6p-2f, 0x1.df02b8p-2f, 0x1.e4e57p-2f,
    0x1.ead2e8p-2f, 0x1.f0cb26p-2f, 0x1.f6ce2cp-2f, 0x1.fcdcp-2f,
    0x1.017a56p-1f, 0x1.048c18p-1f, 0x1.07a34ap-1f, 0x1.0abfeep-1f,
    0x1.0de208p-1f, 0x1.11099ap-1f, 0x1.1436a8p-1f, 0x1.176932p-1f,
    0x1.1aa13ep-1f, 0x1.1ddecap-1f, 0x1.2121dep-1f, 0x1.246a7ap-1f,
    0x1.27b8ap-1f, 0x1.2b0c54p-1f, 0x1.2e6598p-1f, 0x1.31c46ep-1f,
    0x1.3528dcp-1f, 0x1.3892ep-1f, 0x1.3c028p-1f, 0x1.3f77bcp-1f,
    0x1.42f29ap-1f, 0x1.467318p-1f, 0x1.49f93ep-1f, 0x1.4d850ap-1f,
    0x1.511682p-1f, 0x1.54ada4p-1f, 0x1.584a78p-1f, 0x1.5becfep-1f,
    0x1.5f9538p-1f, 0x1.634328p-1f, 0x1.66f6d4p-1f, 0x1.6ab03ap-1f,
    0x1.6e6f6p-1f, 0x1.723448p-1f, 0x1.75fef4p-1f, 0x1.79cf64p-1f,
    0x1.7da59ep-1f, 0x1.8181a4p-1f, 0x1.856378p-1f, 0x1.894b1cp-1f,
    0x1.8d3892p-1f, 0x1.912bdep-1f, 0x1.9525p-1f, 0x1.9923fep-1f,
    0x1.9d28d8p-1f, 0x1.a13392p-1f, 0x1.a5442cp-1f, 0x1.a95aacp-1f,
    0x1.ad771p-1f, 0x1.b1995ep-1f, 0x1.b5c198p-1f, 0x1.b9efbep-1f,
    0x1.be23d4p-1f, 0x1.c25ddep-1f, 0x1.c69ddcp-1f, 0x1.cae3d2p-1f,
    0x1.cf2fcp-1f, 0x1.d381aap-1f, 0x1.d7d994p-1f, 0x1.dc377ep-1f,
    0x1.e09b6ap-1f, 0x1.e5055cp-1f, 0x1.e97556p-1f, 0x1.edeb5cp-1f,
    0x1.f2676cp-1f, 0x1.f6e98cp-1f, 0x1.fb71bcp-1f, 0x1p+0f,
};

/* A channel's bits, little-endian, one byte at a time (no alignment needed). */
uint cucl_tex_load_bits(__global const uchar *p, uint bytes) {
  if (bytes == 1u)
    return (uint)p[0];
#ifdef __ENDIAN_LITTLE__
  /* Texels are aligned to their channel size (dense array rows, pitches that
   * are multiples of 32 bytes, linear resources on 256-byte boundaries), so a
   * little-endian device reads the host's bytes with one typed load. */
  if (bytes == 2u)
    return (uint)*(__global const ushort *)p;
  return *(__global const uint *)p;
#else
  if (bytes == 2u)
    return (uint)p[0] | ((uint)p[1] << 8);
  return (uint)p[0] | ((uint)p[1] << 8) | ((uint)p[2] << 16) | ((uint)p[3] << 24);
#endif
}

/* IEEE half to float with integer operations (no cl_khr_fp16 needed). */
float cucl_tex_half_to_float(uint h) {
  uint sign = (h & 0x8000u) << 16;
  uint exponent = (h >> 10) & 0x1fu;
  uint mantissa = h & 0x3ffu;
  if (exponent == 0u) {
    /* zero or subnormal: mantissa * 2^-24, exact in float */
    float magnitude = (float)mantissa * 0x1p-24f;
    return sign != 0u ? -magnitude : magnitude;
  }
  if (exponent == 31u) /* infinity or NaN */
    return as_float(sign | 0x7f800000u | (mantissa << 13));
  return as_float(sign | ((exponent + 112u) << 23) | (mantissa << 13));
}

/* v / d correctly rounded, for 0 <= v and odd d < 2^16 (d = 2^n - 1 never
 * gives a tie); v >= d gives 1. */
float cucl_tex_unorm(uint v, uint d) {
  if (v == 0u)
    return 0.0f;
  if (v >= d)
    return 1.0f;
  int shift = 23 + (int)clz(v) - (int)clz(d); /* quotient in [2^22, 2^24) */
  ulong numerator = (ulong)v << shift;
  ulong quotient = numerator / d;
  if (quotient < (1ul << 23)) {
    ++shift;
    numerator <<= 1;
    quotient = numerator / d;
  }
  ulong remainder = numerator - quotient * d;
  if (2ul * remainder > (ulong)d)
    ++quotient; /* may reach 2^24: still exact */
  return ldexp((float)quotient, -shift);
}

/* a / b correctly rounded (b > 0 normal and finite, |a| <= b; a quotient
 * under 2^-100 may be off, which (q + 1) / 2 never shows): both scaled so
 * that b is in [1, 2) (exact), then a refined reciprocal and one residual
 * correction with fma, whatever the device's division. */
float cucl_tex_divide(float a, float b) {
  int scale = ilogb(b);
  b = ldexp(b, -scale);
  a = ldexp(a, -scale);
  float y = 1.0f / b;
  float e = fma(-b, y, 1.0f);
  y = fma(e, y, y);
  e = fma(-b, y, 1.0f);
  y = fma(e, y, y);
  float q = a * y;
  float r = fma(-b, q, a);
  return fma(r, y, q);
}

/* One channel as the _f functions return it. */
float cucl_tex_channel_f(uint bits, cucl_texture_desc d, uint channel) {
  uint bytes = d.channelBytes;
  if (d.format == CUCL_TEX_FLOAT)
    return bytes == 2u ? cucl_tex_half_to_float(bits) : as_float(bits);
  if (d.format == CUCL_TEX_UNSIGNED) {
    if (bytes == 4u)
      return (float)bits;
    if (bytes == 1u && (d.flags & CUCL_TEX_FLAG_SRGB) != 0u && channel < 3u)
      return cucl_tex_srgb_table[bits];
    return cucl_tex_unorm(bits, bytes == 1u ? 255u : 65535u);
  }
  if (bytes == 4u)
    return (float)as_int(bits);
  int value = bytes == 1u ? (int)(char)bits : (int)(short)bits;
  uint d1 = bytes == 1u ? 127u : 32767u;
  return value < 0 ? -cucl_tex_unorm((uint)(-value), d1) : cucl_tex_unorm((uint)value, d1);
}

/* One channel as the _i / _u functions return it (sign- or zero-extended;
 * float channels as their bits). */
uint cucl_tex_channel_bits(uint bits, cucl_texture_desc d) {
  if (d.format == CUCL_TEX_SIGNED) {
    if (d.channelBytes == 1u)
      return (uint)(int)(char)bits;
    if (d.channelBytes == 2u)
      return (uint)(int)(short)bits;
  }
  return bits;
}

__global const uchar *cucl_tex_texel_address(cucl_texture t, long i, long j, long slice) {
  ulong element = (ulong)t.desc.channels * t.desc.channelBytes;
  return t.data + t.desc.offset + (ulong)slice * t.desc.slicePitch +
         (ulong)j * t.desc.rowPitch + (ulong)i * element;
}

float4 cucl_tex_texel_f(cucl_texture t, long i, long j, long slice) {
  __global const uchar *p = cucl_tex_texel_address(t, i, j, slice);
  if (t.desc.channels == 1u && t.desc.format == CUCL_TEX_FLOAT && t.desc.channelBytes == 4u)
    return (float4)(as_float(cucl_tex_load_bits(p, 4u)), 0.0f, 0.0f, 0.0f); /* the common case */
  float v[4] = {0.0f, 0.0f, 0.0f, 0.0f};
  for (uint c = 0u; c < t.desc.channels && c < 4u; ++c)
    v[c] = cucl_tex_channel_f(cucl_tex_load_bits(p + c * t.desc.channelBytes, t.desc.channelBytes),
                              t.desc, c);
  return (float4)(v[0], v[1], v[2], v[3]);
}

uint4 cucl_tex_texel_bits(cucl_texture t, long i, long j, long slice) {
  __global const uchar *p = cucl_tex_texel_address(t, i, j, slice);
  uint v[4] = {0u, 0u, 0u, 0u};
  for (uint c = 0u; c < t.desc.channels && c < 4u; ++c)
    v[c] = cucl_tex_channel_bits(
        cucl_tex_load_bits(p + c * t.desc.channelBytes, t.desc.channelBytes), t.desc);
  return (uint4)(v[0], v[1], v[2], v[3]);
}

float4 cucl_tex_border_f(cucl_texture t) {
  float v[4] = {0.0f, 0.0f, 0.0f, 0.0f};
  for (uint c = 0u; c < t.desc.channels && c < 4u; ++c)
    v[c] = t.desc.borderColor[c];
  return (float4)(v[0], v[1], v[2], v[3]);
}

uint4 cucl_tex_border_bits(cucl_texture t) {
  return as_uint4(cucl_tex_border_f(t));
}

/* The texel index along one dimension of extent n after the address mode;
 * -1 for a Border index outside [0, n). */
long cucl_tex_address(long i, long n, uint mode, uint normalized) {
  if (normalized == 0u && (mode == CUCL_TEX_WRAP || mode == CUCL_TEX_MIRROR))
    mode = CUCL_TEX_CLAMP; /* CUDA: Wrap and Mirror need normalized coordinates */
  if (mode == CUCL_TEX_WRAP) {
    long r = i % n;
    return r < 0 ? r + n : r;
  }
  if (mode == CUCL_TEX_MIRROR) {
    long period = 2 * n;
    long r = i % period;
    if (r < 0)
      r += period;
    return r < n ? r : period - 1 - r;
  }
  if (mode == CUCL_TEX_BORDER)
    return i < 0 || i >= n ? -1 : i;
  return i < 0 ? 0 : (i >= n ? n - 1 : i);
}

/* A coordinate in texels, finite and bounded. */
float cucl_tex_coord(float x, uint extent, uint normalized) {
  if (isnan(x))
    x = 0.0f;
  if (normalized != 0u)
    x = x * (float)extent;
  return fmin(fmax(x, -0x1p62f), 0x1p62f);
}

/* The linear-filter weight of the upper texel, 0..256 (8 fractional bits). */
int cucl_tex_weight(float xb, float base) {
  return (int)round((xb - base) * 256.0f);
}

/* The first 2-D slice sampled: the layer (clamped), or 6 per cube plus the face. */
long cucl_tex_first_slice(cucl_texture t, int layer, int face) {
  if ((t.desc.flags & CUCL_TEX_FLAG_CUBEMAP) != 0u) {
    long cubes = (long)(t.desc.layers / 6u);
    long cube = (t.desc.flags & CUCL_TEX_FLAG_LAYERED) != 0u ? (long)layer : 0;
    cube = cube < 0 ? 0 : (cube >= cubes ? cubes - 1 : cube);
    return cube * 6 + face;
  }
  if ((t.desc.flags & CUCL_TEX_FLAG_LAYERED) != 0u) {
    long layers = (long)t.desc.layers;
    return layer < 0 ? 0 : ((long)layer >= layers ? layers - 1 : (long)layer);
  }
  return 0;
}

/* The texel (i, j, k) after the address modes, or the border: as floats. */
float4 cucl_tex_at_f(cucl_texture t, uint dims, long i, long j, long k, long slice) {
  uint normalized = t.desc.normalizedCoords;
  i = cucl_tex_address(i, (long)t.desc.width, t.desc.addressMode[0], normalized);
  j = dims >= 2u ? cucl_tex_address(j, (long)t.desc.height, t.desc.addressMode[1], normalized)
                 : 0;
  k = dims >= 3u ? cucl_tex_address(k, (long)t.desc.depth, t.desc.addressMode[2], normalized)
                 : 0;
  if (i < 0 || j < 0 || k < 0)
    return cucl_tex_border_f(t);
  return cucl_tex_texel_f(t, i, j, slice + k);
}

uint4 cucl_tex_at_bits(cucl_texture t, uint dims, long i, long j, long k, long slice) {
  uint normalized = t.desc.normalizedCoords;
  i = cucl_tex_address(i, (long)t.desc.width, t.desc.addressMode[0], normalized);
  j = dims >= 2u ? cucl_tex_address(j, (long)t.desc.height, t.desc.addressMode[1], normalized)
                 : 0;
  k = dims >= 3u ? cucl_tex_address(k, (long)t.desc.depth, t.desc.addressMode[2], normalized)
                 : 0;
  if (i < 0 || j < 0 || k < 0)
    return cucl_tex_border_bits(t);
  return cucl_tex_texel_bits(t, i, j, slice + k);
}

float4 cucl_tex_filter_f(cucl_texture t, uint dims, float x, float y, float z, long slice) {
#pragma OPENCL FP_CONTRACT OFF
  uint normalized = t.desc.normalizedCoords;
  x = cucl_tex_coord(x, t.desc.width, normalized);
  y = dims >= 2u ? cucl_tex_coord(y, t.desc.height, normalized) : 0.0f;
  z = dims >= 3u ? cucl_tex_coord(z, t.desc.depth, normalized) : 0.0f;
  if (t.desc.filterMode == 0u)
    return cucl_tex_at_f(t, dims, (long)floor(x), (long)floor(y), (long)floor(z), slice);
  float xb = x - 0.5f, yb = y - 0.5f, zb = z - 0.5f;
  float fx = floor(xb), fy = floor(yb), fz = floor(zb);
  long i = (long)fx, j = (long)fy, k = (long)fz;
  int a = cucl_tex_weight(xb, fx);
  if (dims == 1u) {
    float4 sum = (float)(256 - a) * 0x1p-8f * cucl_tex_at_f(t, 1u, i, 0, 0, slice);
    sum = sum + (float)a * 0x1p-8f * cucl_tex_at_f(t, 1u, i + 1, 0, 0, slice);
    return sum;
  }
  int b = cucl_tex_weight(yb, fy);
  if (dims == 2u) {
    float4 sum = (float)((256 - a) * (256 - b)) * 0x1p-16f * cucl_tex_at_f(t, 2u, i, j, 0, slice);
    sum = sum + (float)(a * (256 - b)) * 0x1p-16f * cucl_tex_at_f(t, 2u, i + 1, j, 0, slice);
    sum = sum + (float)((256 - a) * b) * 0x1p-16f * cucl_tex_at_f(t, 2u, i, j + 1, 0, slice);
    sum = sum + (float)(a * b) * 0x1p-16f * cucl_tex_at_f(t, 2u, i + 1, j + 1, 0, slice);
    return sum;
  }
  int c = cucl_tex_weight(zb, fz);
  float4 sum = (float4)(0.0f);
  for (int n = 0; n < 8; ++n) {
    int di = n & 1, dj = (n >> 1) & 1, dk = (n >> 2) & 1;
    int weight = (di ? a : 256 - a) * (dj ? b : 256 - b) * (dk ? c : 256 - c);
    float4 term = (float)weight * 0x1p-24f * cucl_tex_at_f(t, 3u, i + di, j + dj, k + dk, slice);
    sum = n == 0 ? term : sum + term;
  }
  return sum;
}

uint4 cucl_tex_point_bits(cucl_texture t, uint dims, float x, float y, float z, long slice) {
  uint normalized = t.desc.normalizedCoords;
  x = cucl_tex_coord(x, t.desc.width, normalized);
  y = dims >= 2u ? cucl_tex_coord(y, t.desc.height, normalized) : 0.0f;
  z = dims >= 3u ? cucl_tex_coord(z, t.desc.depth, normalized) : 0.0f;
  return cucl_tex_at_bits(t, dims, (long)floor(x), (long)floor(y), (long)floor(z), slice);
}

float4 cucl_tex_sample_f(cucl_texture t, uint dims, float x, float y, float z, int layer) {
  if (t.desc.width == 0u)
    return (float4)(0.0f);
  return cucl_tex_filter_f(t, dims, x, y, z, cucl_tex_first_slice(t, layer, 0));
}

int4 cucl_tex_sample_i(cucl_texture t, uint dims, float x, float y, float z, int layer) {
  if (t.desc.width == 0u)
    return (int4)(0);
  return as_int4(cucl_tex_point_bits(t, dims, x, y, z, cucl_tex_first_slice(t, layer, 0)));
}

uint4 cucl_tex_sample_u(cucl_texture t, uint dims, float x, float y, float z, int layer) {
  if (t.desc.width == 0u)
    return (uint4)(0u);
  return cucl_tex_point_bits(t, dims, x, y, z, cucl_tex_first_slice(t, layer, 0));
}

float4 cucl_tex_fetch_f(cucl_texture t, int i) {
  if (i < 0 || (uint)i >= t.desc.width)
    return (float4)(0.0f);
  return cucl_tex_texel_f(t, i, 0, 0);
}

int4 cucl_tex_fetch_i(cucl_texture t, int i) {
  if (i < 0 || (uint)i >= t.desc.width)
    return (int4)(0);
  return as_int4(cucl_tex_texel_bits(t, i, 0, 0));
}

uint4 cucl_tex_fetch_u(cucl_texture t, int i) {
  if (i < 0 || (uint)i >= t.desc.width)
    return (uint4)(0u);
  return cucl_tex_texel_bits(t, i, 0, 0);
}

/* The face of direction (x, y, z) and its normalized (s, t) (CUDA's table). */
int cucl_tex_cube_face(float x, float y, float z, float *s, float *t) {
  if (isnan(x))
    x = 0.0f;
  if (isnan(y))
    y = 0.0f;
  if (isnan(z))
    z = 0.0f;
  float ax = fabs(x), ay = fabs(y), az = fabs(z);
  float m, sc, tc;
  int face;
  if (ax >= ay && ax >= az) {
    m = ax;
    face = x >= 0.0f ? 0 : 1;
    sc = x >= 0.0f ? -z : z;
    tc = -y;
  } else if (ay >= az) {
    m = ay;
    face = y >= 0.0f ? 2 : 3;
    sc = x;
    tc = y >= 0.0f ? z : -z;
  } else {
    m = az;
    face = z >= 0.0f ? 4 : 5;
    sc = z >= 0.0f ? x : -x;
    tc = -y;
  }
  if (m == 0.0f || isinf(m)) {
    /* no direction, or an infinite one: the face centre / its edges */
    sc = m == 0.0f ? 0.0f : (isinf(sc) ? sign(sc) : 0.0f);
    tc = m == 0.0f ? 0.0f : (isinf(tc) ? sign(tc) : 0.0f);
    m = 1.0f;
  }
  *s = (cucl_tex_divide(sc, m) + 1.0f) * 0.5f;
  *t = (cucl_tex_divide(tc, m) + 1.0f) * 0.5f;
  return face;
}

/* The face is sampled as a 2-D texture with normalized coordinates. */
cucl_texture cucl_tex_face_view(cucl_texture t) {
  t.desc.normalizedCoords = 1u;
  return t;
}

float4 cucl_tex_cubemap_f(cucl_texture t, float x, float y, float z, int layer) {
  if (t.desc.width == 0u)
    return (float4)(0.0f);
  float s, u;
  int face = cucl_tex_cube_face(x, y, z, &s, &u);
  return cucl_tex_filter_f(cucl_tex_face_view(t), 2u, s, u, 0.0f,
                           cucl_tex_first_slice(t, layer, face));
}

int4 cucl_tex_cubemap_i(cucl_texture t, float x, float y, float z, int layer) {
  if (t.desc.width == 0u)
    return (int4)(0);
  float s, u;
  int face = cucl_tex_cube_face(x, y, z, &s, &u);
  return as_int4(cucl_tex_point_bits(cucl_tex_face_view(t), 2u, s, u, 0.0f,
                                     cucl_tex_first_slice(t, layer, face)));
}

uint4 cucl_tex_cubemap_u(cucl_texture t, float x, float y, float z, int layer) {
  if (t.desc.width == 0u)
    return (uint4)(0u);
  float s, u;
  int face = cucl_tex_cube_face(x, y, z, &s, &u);
  return cucl_tex_point_bits(cucl_tex_face_view(t), 2u, s, u, 0.0f,
                             cucl_tex_first_slice(t, layer, face));
}

/* The four texels of the bilinear footprint, in CUDA's gather order. */
void cucl_tex_gather_footprint(cucl_texture t, float x, float y, long *i, long *j) {
  x = cucl_tex_coord(x, t.desc.width, t.desc.normalizedCoords);
  y = cucl_tex_coord(y, t.desc.height, t.desc.normalizedCoords);
  *i = (long)floor(x - 0.5f);
  *j = (long)floor(y - 0.5f);
}

float cucl_tex_component_f(float4 v, int comp) {
  return comp <= 0 ? v.x : (comp == 1 ? v.y : (comp == 2 ? v.z : v.w));
}

uint cucl_tex_component_u(uint4 v, int comp) {
  return comp <= 0 ? v.x : (comp == 1 ? v.y : (comp == 2 ? v.z : v.w));
}

float4 cucl_tex_gather_f(cucl_texture t, float x, float y, int comp) {
  if (t.desc.width == 0u)
    return (float4)(0.0f);
  long i, j;
  cucl_tex_gather_footprint(t, x, y, &i, &j);
  return (float4)(cucl_tex_component_f(cucl_tex_at_f(t, 2u, i, j + 1, 0, 0), comp),
                  cucl_tex_component_f(cucl_tex_at_f(t, 2u, i + 1, j + 1, 0, 0), comp),
                  cucl_tex_component_f(cucl_tex_at_f(t, 2u, i + 1, j, 0, 0), comp),
                  cucl_tex_component_f(cucl_tex_at_f(t, 2u, i, j, 0, 0), comp));
}

uint4 cucl_tex_gather_bits(cucl_texture t, float x, float y, int comp) {
  if (t.desc.width == 0u)
    return (uint4)(0u);
  long i, j;
  cucl_tex_gather_footprint(t, x, y, &i, &j);
  return (uint4)(cucl_tex_component_u(cucl_tex_at_bits(t, 2u, i, j + 1, 0, 0), comp),
                 cucl_tex_component_u(cucl_tex_at_bits(t, 2u, i + 1, j + 1, 0, 0), comp),
                 cucl_tex_component_u(cucl_tex_at_bits(t, 2u, i + 1, j, 0, 0), comp),
                 cucl_tex_component_u(cucl_tex_at_bits(t, 2u, i, j, 0, 0), comp));
}

int4 cucl_tex_gather_i(cucl_texture t, float x, float y, int comp) {
  return as_int4(cucl_tex_gather_bits(t, x, y, comp));
}

uint4 cucl_tex_gather_u(cucl_texture t, float x, float y, int comp) {
  return cucl_tex_gather_bits(t, x, y, comp);
}

/* Where a surface access lands: 0 with *offset set, 1 out of range in Trap
 * mode, 2 out of range in Zero mode (or an empty surface). */
int cucl_surf_locate(cucl_texture s, uint size, int xBytes, int y, int z, int layer, int mode,
                     ulong *offset) {
  long rowBytes = (long)s.desc.width * s.desc.channels * s.desc.channelBytes;
  long height = (long)s.desc.height, depth = (long)s.desc.depth;
  long layers = s.desc.layers != 0u ? (long)s.desc.layers : 1;
  long x = xBytes, row = y, slice = z, l = s.desc.layers != 0u ? (long)layer : 0;
  if (s.desc.width == 0u || rowBytes < (long)size)
    return mode == 2 ? 1 : 2;
  bool inside = x >= 0 && x + (long)size <= rowBytes && row >= 0 && row < height && slice >= 0 &&
                slice < depth && l >= 0 && l < layers;
  if (!inside) {
    if (mode == 2)
      return 1; /* cudaBoundaryModeTrap */
    if (mode != 1)
      return 2; /* cudaBoundaryModeZero */
    x = clamp(x, 0l, rowBytes - (long)size);
    row = clamp(row, 0l, height - 1);
    slice = clamp(slice, 0l, depth - 1);
    l = clamp(l, 0l, layers - 1);
  }
  *offset = s.desc.offset + (ulong)(l + slice) * s.desc.slicePitch + (ulong)row * s.desc.rowPitch +
            (ulong)x;
  return 0;
}

int cucl_surf_read(cucl_texture s, __private uchar *value, uint size, int xBytes, int y, int z,
                   int layer, int mode) {
  ulong offset = 0;
  int where = cucl_surf_locate(s, size, xBytes, y, z, layer, mode, &offset);
  for (uint b = 0u; b < size; ++b)
    value[b] = where == 0 ? s.data[offset + b] : (uchar)0;
  return where == 1 ? 1 : 0;
}

int cucl_surf_write(cucl_texture s, __private const uchar *value, uint size, int xBytes, int y,
                    int z, int layer, int mode) {
  ulong offset = 0;
  int where = cucl_surf_locate(s, size, xBytes, y, z, layer, mode, &offset);
  if (where == 0) {
    __global uchar *data = (__global uchar *)s.data;
    for (uint b = 0u; b < size; ++b)
      data[offset + b] = value[b];
  }
  return where == 1 ? 1 : 0;
}
