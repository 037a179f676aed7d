// Counts the heap allocations of one thread, so that a memory test measures what the code under
// test allocates and nothing that other tests, running at the same time in the same process, do.
//
// It interposes the C allocator: the test executable defines malloc, free and the rest, which the
// dynamic linker then binds every library's calls to (the executable comes first in symbol
// lookup), and forwards each call to glibc's own entry points (__libc_malloc and friends).
// Counting is per thread (initial-exec thread-local storage, which never allocates) and off
// unless a test turned it on for its thread, so every other call costs one thread-local load.
//
// Sanitizer builds keep their own allocator (ThreadSanitizer and AddressSanitizer interpose
// malloc themselves), and other C libraries have no __libc_ entry points: there the counter
// reports itself unavailable and interposes nothing.
#include "CAllocationCounter.h"

#if defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define CLOUDEVENTS_SANITIZED 1
#endif
#endif

#if defined(__linux__) && defined(__GLIBC__) && !defined(CLOUDEVENTS_SANITIZED)

#include <errno.h>
#include <malloc.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void __libc_free(void *pointer);

#define THREAD_LOCAL __thread __attribute__((tls_model("initial-exec")))

static THREAD_LOCAL int counting;
static THREAD_LOCAL int64_t liveBytes;
static THREAD_LOCAL CloudEventsAllocationCount count;

static inline void counted(void *pointer) {
    if (!counting || pointer == NULL) return;
    int64_t size = (int64_t)malloc_usable_size(pointer);
    liveBytes += size;
    count.allocatedBytes += size;
    count.allocations += 1;
    if (liveBytes > count.peakBytes) count.peakBytes = liveBytes;
}

static inline void released(void *pointer) {
    if (!counting || pointer == NULL) return;
    liveBytes -= (int64_t)malloc_usable_size(pointer);
}

void *malloc(size_t size) {
    void *pointer = __libc_malloc(size);
    counted(pointer);
    return pointer;
}

void *calloc(size_t number, size_t size) {
    void *pointer = __libc_calloc(number, size);
    counted(pointer);
    return pointer;
}

void *realloc(void *old, size_t size) {
    int64_t oldSize = (counting && old != NULL) ? (int64_t)malloc_usable_size(old) : 0;
    void *pointer = __libc_realloc(old, size);
    if (pointer != NULL || size == 0) liveBytes -= oldSize;  // the old block is gone
    counted(pointer);
    return pointer;
}

void free(void *pointer) {
    released(pointer);
    __libc_free(pointer);
}

void *memalign(size_t alignment, size_t size) {
    void *pointer = __libc_memalign(alignment, size);
    counted(pointer);
    return pointer;
}

void *aligned_alloc(size_t alignment, size_t size) {
    void *pointer = __libc_memalign(alignment, size);
    counted(pointer);
    return pointer;
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return EINVAL;
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL) return ENOMEM;
    counted(pointer);
    *result = pointer;
    return 0;
}

int cloudevents_allocation_counter_available(void) { return 1; }

void cloudevents_allocation_counter_start(void) {
    CloudEventsAllocationCount zero = {0, 0, 0};
    count = zero;
    liveBytes = 0;
    counting = 1;
}

CloudEventsAllocationCount cloudevents_allocation_counter_stop(void) {
    counting = 0;
    return count;
}

#else

int cloudevents_allocation_counter_available(void) { return 0; }

void cloudevents_allocation_counter_start(void) {}

CloudEventsAllocationCount cloudevents_allocation_counter_stop(void) {
    CloudEventsAllocationCount zero = {0, 0, 0};
    return zero;
}

#endif
