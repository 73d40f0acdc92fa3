/* The floor for the Z-mass benchmark: read and inflate (zlib) only the compressed baskets of the branches
 * the analysis reads, and nothing else (no deserialisation, no event loop). Development tool only.
 *
 * Usage: inflate_floor FILE.root BASKETS.txt NTHREADS
 * BASKETS.txt: one basket per line, "seek nbytes keylen objlen" (written by bench/engine/run.py from uproot's
 * fBasketSeek / fBasketBytes and each basket's TKey header).
 * Prints "baskets=N compressed=C uncompressed=U seconds=S checksum=X" on stdout.
 * Build: gcc -O2 -o inflate_floor inflate_floor.c -lz -lpthread
 * A reference variant inflates with libdeflate (a whole-buffer inflater about twice as fast as zlib), as OpenKey's
 * own inflater does: gcc -O2 -DUSE_LIBDEFLATE -o inflate_floor_libdeflate inflate_floor.c -lz -ldeflate -lpthread
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>
#ifdef USE_LIBDEFLATE
#include <libdeflate.h>
#endif

typedef struct { int64_t seek; int32_t nbytes, keylen, objlen; } Basket;

static Basket *baskets;
static size_t nbaskets;
static int fd;
static atomic_size_t next_basket;

typedef struct { uint64_t compressed, uncompressed, checksum; int error; } Result;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void *worker(void *arg) {
  Result *r = arg;
  unsigned char *in = NULL, *out = NULL;
  size_t incap = 0, outcap = 0;
#ifdef USE_LIBDEFLATE
  struct libdeflate_decompressor *decompressor = libdeflate_alloc_decompressor();
#endif
  for (;;) {
    size_t i = atomic_fetch_add(&next_basket, 1);
    if (i >= nbaskets) break;
    Basket b = baskets[i];
    if ((size_t)b.nbytes > incap) { incap = b.nbytes; in = realloc(in, incap); }
    if ((size_t)b.objlen > outcap) { outcap = b.objlen; out = realloc(out, outcap); }
    if (pread(fd, in, b.nbytes, b.seek) != b.nbytes) { r->error = 1; break; }
    const unsigned char *p = in + b.keylen, *end = in + b.nbytes;
    size_t produced = 0;
    if (b.nbytes - b.keylen == b.objlen) {          /* stored uncompressed */
      memcpy(out, p, b.objlen);
      produced = b.objlen;
    } else {
      while (p + 9 <= end && produced < (size_t)b.objlen) {
        if (p[0] != 'Z' || p[1] != 'L') { fprintf(stderr, "basket %zu: not zlib (%c%c)\n", i, p[0], p[1]); r->error = 1; break; }
        size_t csize = p[3] | (p[4] << 8) | (p[5] << 16), usize = p[6] | (p[7] << 8) | (p[8] << 16);
#ifdef USE_LIBDEFLATE
        size_t dest = 0;
        if (libdeflate_zlib_decompress(decompressor, p + 9, csize, out + produced, usize, &dest) != LIBDEFLATE_SUCCESS
            || dest != usize) {
#else
        uLongf dest = usize;
        if (uncompress(out + produced, &dest, p + 9, csize) != Z_OK || dest != usize) {
#endif
          fprintf(stderr, "basket %zu: inflate failed\n", i); r->error = 1; break;
        }
        produced += usize;
        p += 9 + csize;
      }
    }
    if (produced != (size_t)b.objlen) { fprintf(stderr, "basket %zu: %zu of %d bytes\n", i, produced, b.objlen); r->error = 1; break; }
    r->compressed += b.nbytes - b.keylen;
    r->uncompressed += produced;
    for (size_t k = 0; k < produced; k += 64) r->checksum += out[k];   /* touch the output */
  }
  free(in); free(out);
#ifdef USE_LIBDEFLATE
  libdeflate_free_decompressor(decompressor);
#endif
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: %s FILE.root BASKETS.txt NTHREADS\n", argv[0]); return 2; }
  int nthreads = atoi(argv[3]);
  if (nthreads < 1) nthreads = 1;
  double t0 = now();
  FILE *list = fopen(argv[2], "r");
  if (!list) { perror(argv[2]); return 2; }
  size_t cap = 1024;
  baskets = malloc(cap * sizeof *baskets);
  long long seek; int nbytes, keylen, objlen;
  while (fscanf(list, "%lld %d %d %d", &seek, &nbytes, &keylen, &objlen) == 4) {
    if (nbaskets == cap) { cap *= 2; baskets = realloc(baskets, cap * sizeof *baskets); }
    baskets[nbaskets++] = (Basket){seek, nbytes, keylen, objlen};
  }
  fclose(list);
  fd = open(argv[1], O_RDONLY);
  if (fd < 0) { perror(argv[1]); return 2; }
  pthread_t *threads = calloc(nthreads, sizeof *threads);
  Result *results = calloc(nthreads, sizeof *results);
  for (int t = 0; t < nthreads; ++t) pthread_create(&threads[t], NULL, worker, &results[t]);
  Result total = {0};
  for (int t = 0; t < nthreads; ++t) {
    pthread_join(threads[t], NULL);
    total.compressed += results[t].compressed;
    total.uncompressed += results[t].uncompressed;
    total.checksum += results[t].checksum;
    total.error |= results[t].error;
  }
  double t1 = now();
  if (total.error) return 1;
  printf("baskets=%zu compressed=%llu uncompressed=%llu seconds=%.6f checksum=%llu\n", nbaskets,
         (unsigned long long)total.compressed, (unsigned long long)total.uncompressed, t1 - t0,
         (unsigned long long)total.checksum);
  return 0;
}
