#include <glumpp/app/VideoRecorder.hpp>

#include <glumpp/Error.hpp>

#include <csignal>
#include <cstdlib>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace glumpp::app {

namespace {

bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
    }
    return false;
}

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace

VideoRecorder::VideoRecorder(const std::filesystem::path& mp4, int width, int height, double fps)
    : path_(mp4), width_(width), height_(height) {
    if (!on_path("ffmpeg")) throw IoError("VideoRecorder: ffmpeg is not installed (apt-get install ffmpeg) to write " + mp4.string());
    std::ostringstream cmd;
    cmd << "ffmpeg -loglevel error -y -f rawvideo -pixel_format rgba -video_size " << width << "x" << height
        << " -framerate " << fps << " -i - -vf 'pad=ceil(iw/2)*2:ceil(ih/2)*2' -pix_fmt yuv420p -movflags +faststart "
        << quoted(mp4.string());
    std::signal(SIGPIPE, SIG_IGN); // a dying ffmpeg must give an error, not kill us
    pipe_ = ::popen(cmd.str().c_str(), "w");
    if (!pipe_) throw IoError("VideoRecorder: cannot start '" + cmd.str() + "'");
}

VideoRecorder::~VideoRecorder() {
    try {
        finish();
    } catch (...) {
    }
}

void VideoRecorder::add(const Array& frame) {
    if (!pipe_) throw IoError("VideoRecorder::add: the recording of " + path_.string() + " is finished");
    if (frame.ndim() != 3 || frame.shape()[0] != static_cast<std::size_t>(height_) ||
        frame.shape()[1] != static_cast<std::size_t>(width_) || frame.shape()[2] != 4 || !(frame.dtype() == DType::of<std::uint8_t>())) {
        throw ShapeError("VideoRecorder::add: frames are (" + std::to_string(height_) + ", " + std::to_string(width_) +
                         ", 4) uint8, not " + glumpp::detail::shape_str(frame.shape()) + " " + frame.dtype().name());
    }
    const Array f = frame.is_contiguous() ? frame : frame.copy();
    if (std::fwrite(f.data(), 1, f.nbytes(), pipe_) != f.nbytes()) {
        throw IoError("VideoRecorder::add: ffmpeg stopped reading frames for " + path_.string());
    }
    ++frames_;
}

void VideoRecorder::finish() {
    if (!pipe_) return;
    const int status = ::pclose(pipe_);
    pipe_ = nullptr;
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw IoError("VideoRecorder::finish: ffmpeg failed to write " + path_.string());
    }
}

} // namespace glumpp::app
