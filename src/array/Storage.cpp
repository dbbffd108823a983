#include <glumpp/array/Storage.hpp>

#include <glumpp/Error.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace glumpp {

namespace {
constexpr std::size_t storage_alignment = 64;
}

Storage::Storage(std::byte* data, std::size_t size, bool writable, Ownership ownership, void* mapping,
                 std::size_t mapping_size)
    : data_(data), size_(size), writable_(writable), ownership_(ownership), mapping_(mapping), mapping_size_(mapping_size) {}

Storage::~Storage() {
    switch (ownership_) {
    case Ownership::Owned: ::operator delete(data_, std::align_val_t(storage_alignment)); break;
    case Ownership::Mapped: ::munmap(mapping_, mapping_size_); break;
    case Ownership::Borrowed: break;
    }
    std::free(spare_flags_);
}

std::shared_ptr<Storage> Storage::borrow(std::byte* data, std::size_t nbytes) {
    return std::shared_ptr<Storage>(new Storage(data, nbytes, true, Ownership::Borrowed));
}

std::shared_ptr<Storage> Storage::allocate(std::size_t nbytes) {
    const std::size_t rounded = std::max<std::size_t>(storage_alignment, (nbytes + storage_alignment - 1) / storage_alignment * storage_alignment);
    auto* data = static_cast<std::byte*>(::operator new(rounded, std::align_val_t(storage_alignment)));
    std::memset(data, 0, rounded);
    return std::shared_ptr<Storage>(new Storage(data, nbytes, true, Ownership::Owned));
}

std::shared_ptr<Storage> Storage::read_only_zeros(std::size_t nbytes, const char* why) {
    std::shared_ptr<Storage> s = allocate(nbytes);
    s->writable_ = false;
    s->read_only_why_ = why;
    return s;
}

std::shared_ptr<Storage> Storage::map_file(const std::filesystem::path& path, std::size_t offset, std::size_t nbytes,
                                           MapMode mode) {
    const auto fail = [&](const std::string& what) {
        throw IoError("Storage::map_file: " + what + " '" + path.string() + "': " + std::strerror(errno));
    };
    const int fd = ::open(path.c_str(), (mode == MapMode::ReadWrite ? O_RDWR : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) fail("cannot open");
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        fail("cannot stat");
    }
    const auto file_size = static_cast<std::size_t>(st.st_size);
    if (offset > file_size || nbytes > file_size - offset) {
        ::close(fd);
        throw IoError("Storage::map_file: '" + path.string() + "' has " + std::to_string(file_size) + " bytes, fewer than " +
                      std::to_string(offset) + " + " + std::to_string(nbytes));
    }
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t base = offset / page * page;
    const std::size_t length = std::max<std::size_t>(1, offset - base + nbytes);
    const int prot = mode == MapMode::ReadOnly ? PROT_READ : PROT_READ | PROT_WRITE;
    const int flags = mode == MapMode::ReadWrite ? MAP_SHARED : MAP_PRIVATE;
    void* mapping = ::mmap(nullptr, length, prot, flags, fd, static_cast<off_t>(base));
    ::close(fd);
    if (mapping == MAP_FAILED) fail("cannot map");
    auto* data = static_cast<std::byte*>(mapping) + (offset - base);
    return std::shared_ptr<Storage>(new Storage(data, nbytes, mode != MapMode::ReadOnly, Ownership::Mapped, mapping, length));
}

void Storage::require_writable(const char* caller) const {
    if (!writable_) throw ReadOnlyError(std::string(caller) + ": the array is read-only (" + read_only_why_ + ")");
}

void Storage::mark(const Footprint& footprint) {
    std::lock_guard lock(mutex_);
    mark_locked(footprint);
}

void Storage::mark_locked(const Footprint& footprint) {
    for (Tracker* t : trackers_) t->set_.add(footprint);
}

void Storage::mark(std::span<const Footprint> footprints) {
    std::lock_guard lock(mutex_);
    for (Tracker* t : trackers_) t->set_.add(footprints);
}

void Storage::mark(ByteRange range) {
    std::lock_guard lock(mutex_);
    for (Tracker* t : trackers_) t->set_.add(range);
}

void Storage::flush_views() {
    std::lock_guard lock(mutex_);
    flush_views_locked();
}

void Storage::flush_views_locked() {
    for (detail::WriteCache* c = caches_; c; c = c->next_) c->flush_locked();
}

std::size_t Storage::tracker_count() const {
    std::lock_guard lock(mutex_);
    return trackers_.size();
}

// --- Tracker ---------------------------------------------------------------------------

Tracker::Tracker(std::shared_ptr<Storage> storage, std::size_t cap) : storage_(std::move(storage)), set_(cap) {
    if (!storage_) throw ValueError("Tracker: no storage");
    std::lock_guard lock(storage_->mutex_);
    set_.add(ByteRange{0, storage_->size()});
    storage_->trackers_.push_back(this);
}

Tracker::~Tracker() {
    std::lock_guard lock(storage_->mutex_);
    auto& v = storage_->trackers_;
    v.erase(std::remove(v.begin(), v.end(), this), v.end());
}

std::vector<ByteRange> Tracker::dirty_ranges() {
    std::lock_guard lock(storage_->mutex_);
    storage_->flush_views_locked();
    return set_.ranges();
}

std::optional<ByteRange> Tracker::pending_data() {
    std::lock_guard lock(storage_->mutex_);
    storage_->flush_views_locked();
    return set_.hull();
}

std::vector<ByteRange> Tracker::take() {
    std::lock_guard lock(storage_->mutex_);
    storage_->flush_views_locked();
    std::vector<ByteRange> out = set_.ranges();
    set_.clear();
    return out;
}

void Tracker::take(std::vector<ByteRange>& out) {
    std::lock_guard lock(storage_->mutex_);
    storage_->flush_views_locked();
    out.assign(set_.ranges().begin(), set_.ranges().end());
    set_.clear();
}

void Tracker::clear() {
    std::lock_guard lock(storage_->mutex_);
    storage_->flush_views_locked(); // runs written before the clear belong before it
    set_.clear();
}

void Tracker::mark_all() {
    std::lock_guard lock(storage_->mutex_);
    set_.add(ByteRange{0, storage_->size()});
}

void Tracker::rebind(std::shared_ptr<Storage> storage) {
    if (!storage) throw ValueError("Tracker::rebind: no storage");
    if (storage == storage_) return;
    {
        std::lock_guard lock(storage_->mutex_);
        auto& v = storage_->trackers_;
        v.erase(std::remove(v.begin(), v.end(), this), v.end());
    }
    storage_ = std::move(storage);
    std::lock_guard lock(storage_->mutex_);
    set_.clear();
    set_.add(ByteRange{0, storage_->size()});
    storage_->trackers_.push_back(this);
}

std::size_t Tracker::cap() const {
    std::lock_guard lock(storage_->mutex_);
    return set_.cap();
}

void Tracker::set_cap(std::size_t cap) {
    std::lock_guard lock(storage_->mutex_);
    set_.set_cap(cap);
}

// --- WriteCache ------------------------------------------------------------------------

namespace detail {

namespace {

// Marks flat elements [lo, hi) of the sub-array made of axes [axis, ndim) at byte `base`.
template <class Mark>
void flat_run(const Mark& mark, std::ptrdiff_t base, std::size_t itemsize, const std::vector<std::size_t>& shape,
              const std::vector<std::ptrdiff_t>& strides, std::size_t axis, std::size_t lo, std::size_t hi) {
    if (lo >= hi) return;
    const std::size_t ndim = shape.size();
    auto footprint = [&](std::ptrdiff_t at, std::size_t first_axis, std::size_t rows) {
        std::vector<std::size_t> sh(shape.begin() + static_cast<std::ptrdiff_t>(first_axis), shape.end());
        std::vector<std::ptrdiff_t> st(strides.begin() + static_cast<std::ptrdiff_t>(first_axis), strides.end());
        sh.front() = rows;
        mark(Footprint::of_view(static_cast<std::size_t>(at), itemsize, sh, st));
    };
    if (axis + 1 == ndim) {
        footprint(base + static_cast<std::ptrdiff_t>(lo) * strides[axis], axis, hi - lo);
        return;
    }
    std::size_t inner = 1;
    for (std::size_t k = axis + 1; k < ndim; ++k) inner *= shape[k];
    std::size_t r0 = lo / inner;
    std::size_t r1 = (hi - 1) / inner;
    const auto row = [&](std::size_t r) { return base + static_cast<std::ptrdiff_t>(r) * strides[axis]; };
    if (r0 == r1) {
        flat_run(mark, row(r0), itemsize, shape, strides, axis + 1, lo - r0 * inner, hi - r0 * inner);
        return;
    }
    if (lo % inner != 0) {
        flat_run(mark, row(r0), itemsize, shape, strides, axis + 1, lo % inner, inner);
        ++r0;
    }
    if (hi % inner != 0) {
        flat_run(mark, row(r1), itemsize, shape, strides, axis + 1, 0, hi % inner);
        if (r1 == 0) return;
        --r1;
    }
    if (r0 <= r1) footprint(row(r0), axis, r1 - r0 + 1);
}

} // namespace

void WriteCache::Free::operator()(bool* p) const noexcept { std::free(p); }

WriteCache::WriteCache(Storage* storage, std::size_t origin, std::size_t itemsize, std::vector<std::size_t> shape,
                       std::vector<std::ptrdiff_t> strides)
    : storage_(storage), origin_(origin), itemsize_(itemsize), shape_(std::move(shape)), strides_(std::move(strides)) {
    count_ = 1;
    for (auto s : shape_) count_ *= s;
    link();
}

WriteCache::WriteCache(const WriteCache& other)
    : storage_(other.storage_), origin_(other.origin_), itemsize_(other.itemsize_), count_(other.count_),
      shape_(other.shape_), strides_(other.strides_) {
    link(); // with flags of its own: a copy starts with nothing noted
}

WriteCache::WriteCache(WriteCache&& other) noexcept
    : flags_(std::move(other.flags_)), capacity_(other.capacity_), all_(std::exchange(other.all_, false)),
      storage_(other.storage_),
      origin_(other.origin_), itemsize_(other.itemsize_), count_(other.count_), shape_(std::move(other.shape_)),
      strides_(std::move(other.strides_)) {
    other.unlink(); // the flags move with us; nothing left to report there
    link();
}

WriteCache& WriteCache::operator=(const WriteCache& other) {
    if (this != &other) {
        WriteCache copy(other);
        *this = std::move(copy);
    }
    return *this;
}

WriteCache& WriteCache::operator=(WriteCache&& other) noexcept {
    if (this != &other) {
        unlink(); // flushes what we noted first
        flags_ = std::move(other.flags_);
        capacity_ = other.capacity_;
        all_ = std::exchange(other.all_, false);
        storage_ = other.storage_;
        origin_ = other.origin_;
        itemsize_ = other.itemsize_;
        count_ = other.count_;
        shape_ = std::move(other.shape_);
        strides_ = std::move(other.strides_);
        other.unlink();
        link();
    }
    return *this;
}

WriteCache::~WriteCache() { unlink(); }

void WriteCache::link() {
    if (!storage_) return;
    std::lock_guard lock(storage_->mutex_);
    if (!flags_ && count_ != 0) {
        if (storage_->spare_count_ >= count_) {
            flags_.reset(std::exchange(storage_->spare_flags_, nullptr));
            capacity_ = std::exchange(storage_->spare_count_, 0);
        } else {
            // calloc: large flag arrays come as untouched zero pages, paid for where written.
            flags_.reset(static_cast<bool*>(std::calloc(count_, sizeof(bool))));
            if (!flags_) throw std::bad_alloc();
            capacity_ = count_;
        }
    }
    next_ = storage_->caches_;
    prev_ = nullptr;
    if (next_) next_->prev_ = this;
    storage_->caches_ = this;
}

void WriteCache::unlink() {
    if (!storage_) return;
    std::lock_guard lock(storage_->mutex_);
    flush_locked(); // leaves every flag clear
    if (flags_ && capacity_ > storage_->spare_count_) {
        std::free(storage_->spare_flags_);
        storage_->spare_flags_ = flags_.release();
        storage_->spare_count_ = capacity_;
    }
    if (prev_) {
        prev_->next_ = next_;
    } else {
        storage_->caches_ = next_;
    }
    if (next_) next_->prev_ = prev_;
    prev_ = next_ = nullptr;
    storage_ = nullptr;
}

void WriteCache::flush_locked() {
    if (!flags_) return;
    auto mark = [this](std::size_t a, std::size_t b) {
        if (shape_.empty()) {
            storage_->mark_locked(Footprint::of_range({origin_, origin_ + itemsize_}));
            return;
        }
        flat_run([this](const Footprint& f) { storage_->mark_locked(f); }, static_cast<std::ptrdiff_t>(origin_),
                 itemsize_, shape_, strides_, 0, a, b);
    };
    bool* f = flags_.get();
    const std::size_t n = count_;
    if (all_) {
        all_ = false;
        std::memset(f, 0, n * sizeof(bool));
        mark(0, n);
        return;
    }
    // Runs of set flags, reported and cleared. A bool's bytes are 0 or 1, so memchr (the C
    // library's, many bytes per cycle) finds where a run starts and where it ends.
    for (std::size_t i = 0; i < n;) {
        const void* start = std::memchr(f + i, 1, n - i);
        if (!start) break;
        i = static_cast<std::size_t>(static_cast<const bool*>(start) - f);
        const void* end = std::memchr(f + i, 0, n - i);
        const std::size_t j = end ? static_cast<std::size_t>(static_cast<const bool*>(end) - f) : n;
        std::memset(f + i, 0, (j - i) * sizeof(bool));
        mark(i, j);
        i = j;
    }
}

void WriteCache::flush() {
    if (!storage_) return;
    std::lock_guard lock(storage_->mutex_);
    flush_locked();
}

} // namespace detail

} // namespace glumpp
