#ifndef C_ALLOCATION_COUNTER_H
#define C_ALLOCATION_COUNTER_H

#include <stdint.h>

/// What the calling thread allocated on the heap between `start` and `stop`, in usable bytes as
/// the allocator reports them (`malloc_usable_size`).
typedef struct {
    /// The most this thread held at once above what it held at `start` (frees of older blocks
    /// count against it, so this is a lower bound of what the measured code itself held).
    int64_t peakBytes;
    /// Everything allocated, whether freed again or not.
    int64_t allocatedBytes;
    /// How many allocations (malloc, calloc, realloc, aligned allocations).
    int64_t allocations;
} CloudEventsAllocationCount;

/// 1 when this build counts allocations (Linux with glibc, no sanitizer), 0 otherwise.
int cloudevents_allocation_counter_available(void);

/// Starts counting the calling thread's allocations from zero.
void cloudevents_allocation_counter_start(void);

/// Stops counting on the calling thread and returns what was counted since `start`.
CloudEventsAllocationCount cloudevents_allocation_counter_stop(void);

#endif
