#pragma once
// VideoRecorder: frames to an MP4 through an ffmpeg process (glumpy's --record).
//
// Frames are piped as raw RGBA; ffmpeg encodes H.264 (yuv420p, padded to even sizes).
// ContextError-free: ffmpeg missing or failing is an IoError naming the command.

#include <glumpp/array/Array.hpp>

#include <cstdio>
#include <filesystem>

namespace glumpp::app {

class VideoRecorder {
public:
    VideoRecorder(const std::filesystem::path& mp4, int width, int height, double fps);
    ~VideoRecorder();
    VideoRecorder(const VideoRecorder&) = delete;
    VideoRecorder& operator=(const VideoRecorder&) = delete;

    /// `frame`: (height, width, 4) uint8, row 0 at the top.
    void add(const Array& frame);
    /// Waits for ffmpeg to finish the file; IoError if it failed.
    void finish();
    std::size_t frames() const noexcept { return frames_; }

private:
    std::FILE* pipe_ = nullptr;
    std::filesystem::path path_;
    int width_, height_;
    std::size_t frames_ = 0;
};

} // namespace glumpp::app
