#include <glumpp/app/Image.hpp>

#include <stb_image.h>
#include <stb_image_write.h>

#include <cstring>

namespace glumpp::app {

Array load_png(const std::filesystem::path& path) {
    if (!std::filesystem::exists(path)) throw IoError("load_png: no file '" + path.string() + "'");
    int w = 0, h = 0, n = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &n, 0);
    if (!pixels) throw ParseError("load_png: '" + path.string() + "': " + stbi_failure_reason());
    Array image = Array::zeros<std::uint8_t>({static_cast<std::size_t>(h), static_cast<std::size_t>(w), static_cast<std::size_t>(n)});
    {
        auto scope = image.write();
        std::memcpy(scope.data(), pixels, image.nbytes());
    }
    stbi_image_free(pixels);
    return image;
}

void save_png(const Array& image_in, const std::filesystem::path& path) {
    if (!image_in) throw ValueError("save_png: the image is a null handle");
    if (!(image_in.dtype() == DType::of<std::uint8_t>())) throw TypeError("save_png: images are uint8, not " + image_in.dtype().name());
    const std::size_t channels = image_in.ndim() == 3 ? image_in.shape()[2] : 1;
    if ((image_in.ndim() != 2 && image_in.ndim() != 3) || channels < 1 || channels > 4) {
        throw ShapeError("save_png: an image has shape (height, width[, 1-4 channels]), not " +
                         glumpp::detail::shape_str(image_in.shape()));
    }
    const Array image = image_in.is_contiguous() ? image_in : image_in.copy();
    const int w = static_cast<int>(image.shape()[1]), h = static_cast<int>(image.shape()[0]);
    if (!stbi_write_png(path.c_str(), w, h, static_cast<int>(channels), image.data(), w * static_cast<int>(channels))) {
        throw IoError("save_png: cannot write '" + path.string() + "'");
    }
}

} // namespace glumpp::app
