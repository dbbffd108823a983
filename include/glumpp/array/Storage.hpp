#pragma once
// Storage: the bytes under every view of one array, and the record of who wrote where.
//
// Data flow of a write:
//     Array / View<T> write -> Storage::mark(footprint) -> every Tracker's DirtySet
// and of an upload (gloo):
//     GPU object (a Tracker) -> take() its ranges -> planner -> GL calls
//
// A Tracker is one consumer of the storage: the array's own pending_data(), a vertex
// buffer in one GL context, the same bytes as a texture in another. Each tracker sees
// every write made since *its own* last clear, so several GPU copies of one array stay
// right without knowing about each other. A tracker starts fully dirty: whoever just
// started watching has nothing uploaded yet.
//
// Typed views (View<T>) do not mark every element write: each keeps one flag per element
// (detail::WriteCache), set by a plain store when the element is handed out, and turns the
// flags into runs of elements when it dies or when anyone asks a tracker for its ranges
// (flush_views). A plain store, unlike a compare-and-extend of a run, lets the compiler
// keep a loop of tracked writes as fast as the same loop through a raw pointer
// (vectorised, too). The flag is the only bookkeeping store: a "view was written" word
// would be a store to one address in every iteration, which GCC moves out of some loops
// and not others (it stays in a loop that copies glm vectors), costing as much as the flag.
// The price: each report scans the view's flags (memchr, tens of bytes per cycle), written
// or not, and each live mutable view holds one byte per element.
//
// Threads: the storage's bookkeeping (marks, trackers, caches) is guarded by a mutex, so
// views written from different threads on disjoint elements are fine. Asking for dirty
// ranges while another thread is still writing through a view is a race, as with any data.

#include <glumpp/array/ByteRange.hpp>
#include <glumpp/array/DirtySet.hpp>
#include <glumpp/array/Footprint.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

namespace glumpp {

class Tracker;
namespace detail {
class WriteCache;
}

class Storage {
public:
    /// `nbytes` zero bytes, aligned to 64 bytes (so typed views of any scalar are aligned).
    static std::shared_ptr<Storage> allocate(std::size_t nbytes);

    enum class MapMode {
        ReadOnly,    ///< writes throw ReadOnlyError
        CopyOnWrite, ///< writes stay in memory, the file is untouched (NumPy's mode 'c')
        ReadWrite,   ///< writes go to the file (NumPy's mode 'r+')
    };
    /// Bytes owned by the caller, who keeps them alive as long as the storage (used for
    /// short-lived views of C++ values inside glumpp).
    static std::shared_ptr<Storage> borrow(std::byte* data, std::size_t nbytes);
    /// `nbytes` zero bytes that can never be written: every write through any view is a
    /// ReadOnlyError that gives `why` as the reason (a string literal: it is kept, not
    /// copied). For placeholders, such as the array of a texture that has no CPU copy.
    static std::shared_ptr<Storage> read_only_zeros(std::size_t nbytes, const char* why);

    /// Maps `nbytes` of a file starting at `offset` (any offset; the mapping is page-aligned
    /// underneath). Throws IoError naming the path and the system's reason.
    static std::shared_ptr<Storage> map_file(const std::filesystem::path& path, std::size_t offset, std::size_t nbytes,
                                             MapMode mode);

    ~Storage();
    Storage(const Storage&) = delete;
    Storage& operator=(const Storage&) = delete;

    std::byte* data() noexcept { return data_; }
    const std::byte* data() const noexcept { return data_; }
    std::size_t size() const noexcept { return size_; }
    bool writable() const noexcept { return writable_; }
    /// Throws ReadOnlyError naming `caller` unless the storage may be written.
    void require_writable(const char* caller) const;

    /// Records a write in every tracker.
    void mark(const Footprint& footprint);
    void mark(ByteRange range);
    /// Several footprints written by one operation, capped as one write.
    void mark(std::span<const Footprint> footprints);
    /// Hands the elements marked by live typed views over to the trackers.
    void flush_views();

    std::size_t tracker_count() const;

private:
    friend class Tracker;
    friend class detail::WriteCache;
    enum class Ownership { Owned, Mapped, Borrowed };

    Storage(std::byte* data, std::size_t size, bool writable, Ownership ownership, void* mapping = nullptr,
            std::size_t mapping_size = 0);
    void flush_views_locked();
    void mark_locked(const Footprint& footprint);

    std::byte* data_;
    std::size_t size_;
    bool writable_;
    const char* read_only_why_ = "a read-only memory map"; // for require_writable's message
    Ownership ownership_;
    void* mapping_;            // the page-aligned mapping, for Mapped
    std::size_t mapping_size_;

    mutable std::mutex mutex_;
    std::vector<Tracker*> trackers_;
    detail::WriteCache* caches_ = nullptr;
    // The zeroed flags of the last typed view that died, for the next one: a view made in
    // every frame then neither zeroes nor faults in as many bytes as it has elements.
    bool* spare_flags_ = nullptr;
    std::size_t spare_count_ = 0;
};

/// One consumer of a storage's writes. GPU objects derive from it.
class Tracker {
public:
    explicit Tracker(std::shared_ptr<Storage> storage, std::size_t cap = DirtySet::default_cap);
    virtual ~Tracker();
    Tracker(const Tracker&) = delete;
    Tracker& operator=(const Tracker&) = delete;

    const std::shared_ptr<Storage>& storage() const noexcept { return storage_; }

    /// Sorted, disjoint ranges covering every byte written since the last clear.
    std::vector<ByteRange> dirty_ranges();
    /// glumpy's pending_data: one range covering them all, or nothing.
    std::optional<ByteRange> pending_data();
    /// The ranges, cleared in the same step (what an uploader does).
    std::vector<ByteRange> take();
    /// The same into `out` (its old contents dropped); no allocation once warm: for
    /// uploaders that run every frame.
    void take(std::vector<ByteRange>& out);
    void clear();
    /// Everything dirty again (after a GPU object lost its contents).
    void mark_all();
    /// Moves this tracker to another storage (a buffer that grew into new memory); all of
    /// the new storage is dirty.
    void rebind(std::shared_ptr<Storage> storage);

    std::size_t cap() const;
    /// How many exact ranges to keep before merging (at least 1; default 64).
    void set_cap(std::size_t cap);

private:
    friend class Storage;
    std::shared_ptr<Storage> storage_;
    DirtySet set_; // guarded by storage_->mutex_
};

namespace detail {

/// The elements a typed view has handed out since it last reported to its storage: a flag
/// per row-major element number. Geometry is stored type-erased so that the storage can
/// turn runs of flags into footprints.
class WriteCache {
public:
    WriteCache() = default;
    /// `origin`: byte offset of the element with all indices 0.
    WriteCache(Storage* storage, std::size_t origin, std::size_t itemsize, std::vector<std::size_t> shape,
               std::vector<std::ptrdiff_t> strides);
    WriteCache(const WriteCache& other);
    WriteCache(WriteCache&& other) noexcept;
    WriteCache& operator=(const WriteCache& other);
    WriteCache& operator=(WriteCache&& other) noexcept;
    ~WriteCache();

    /// Notes that the element with row-major number `i` (< the view's size) was handed out
    /// for writing: one store and nothing else (see the header comment above). An access
    /// takes the marker before its bounds check: a load placed after a possible throw is
    /// not hoisted out of a loop, and a loop over a view held by reference would reload
    /// the flags' address after every store and not vectorise.
    struct Marker {
        bool* flags = nullptr;
        void note(std::size_t i) const noexcept { flags[i] = true; }
    };
    Marker marker() const noexcept { return {flags_.get()}; }
    /// Everything (a whole-view operation through the typed view).
    void note_all() noexcept { all_ = true; }
    /// Reports the noted elements to the storage now.
    void flush();

private:
    friend class glumpp::Storage;
    struct Free {
        void operator()(bool* p) const noexcept;
    };
    void flush_locked();
    void link();
    void unlink();

    // The flags are bool, not a char type: a store to them may not alias the view's
    // pointers and extents, so the compiler keeps those in registers across a loop.
    std::unique_ptr<bool[], Free> flags_;
    std::size_t capacity_ = 0; // flags allocated (at least count_; a reused buffer may be larger)
    bool all_ = false;
    Storage* storage_ = nullptr;
    WriteCache* prev_ = nullptr;
    WriteCache* next_ = nullptr;
    std::size_t origin_ = 0;
    std::size_t itemsize_ = 0;
    std::size_t count_ = 0;
    std::vector<std::size_t> shape_;
    std::vector<std::ptrdiff_t> strides_;
};

} // namespace detail

} // namespace glumpp
