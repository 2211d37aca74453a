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
