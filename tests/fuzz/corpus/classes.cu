template <typename T> struct Vec2 {
  T x, y;
  __device__ Vec2 operator+(const Vec2 &o) const { return {x + o.x, y + o.y}; }
  __device__ T dot(const Vec2 &o) const { return x * o.x + y * o.y; }
};

template <typename T> __device__ T clampValue(T v, T lo, T hi) { return v < lo ? lo : (v > hi ? hi : v); }

template <typename T> __global__ void dots(const Vec2<T> *a, const Vec2<T> *b, T *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = clampValue((a[i] + b[i]).dot(a[i]), T(-10), T(10));
}

template __global__ void dots<float>(const Vec2<float> *, const Vec2<float> *, float *, int);
