#include "core/image_cleaner.hpp"

#include <vips/vips.h>

#include <mutex>
#include <stdexcept>

#include "core/bmp_decoder.hpp"

namespace mmx {
namespace {

constexpr MediaType kJpeg{"jpg", "image/jpeg"};
constexpr MediaType kPng{"png", "image/png"};
constexpr int kJpegQuality = 90;

// Workers are single-threaded and many: no operation cache, one thread per pipeline,
// and no loader that libvips marks untrusted (ImageMagick, PDF, ...), whatever asks.
void startVips() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (VIPS_INIT("mmx-server") != 0) throw std::runtime_error("cannot start libvips");
        vips_cache_set_max(0);
        vips_cache_set_max_mem(0);
        vips_cache_set_max_files(0);
        vips_concurrency_set(1);
        vips_block_untrusted_set(TRUE);
        // A refused upload is an answer to the phone, not a line in the worker's log.
        g_log_set_handler(
            "VIPS", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE),
            [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
    });
}

class Image {
  public:
    Image() = default;
    Image(const Image&) = delete;
    Image& operator=(const Image&) = delete;
    ~Image() {
        if (image_ != nullptr) g_object_unref(image_);
    }
    VipsImage** out() { return &image_; }
    VipsImage* get() const { return image_; }

  private:
    VipsImage* image_ = nullptr;
};

enum class Format { Jpeg, Png, Gif };

// Only the header is read here: access is sequential, pixels come when saving.
bool loadHeader(Format format, std::string_view bytes, Image& image) {
    void* data = const_cast<char*>(bytes.data());
    const std::size_t size = bytes.size();
    const auto access = VIPS_ACCESS_SEQUENTIAL;
    const auto failOn = VIPS_FAIL_ON_ERROR;
    switch (format) {
        case Format::Jpeg:
            return vips_jpegload_buffer(data, size, image.out(), "access", access, "fail_on",
                                        failOn, nullptr) == 0;
        case Format::Png:
            return vips_pngload_buffer(data, size, image.out(), "access", access, "fail_on", failOn,
                                       nullptr) == 0;
        case Format::Gif:
            return vips_gifload_buffer(data, size, image.out(), "access", access, "fail_on", failOn,
                                       nullptr) == 0;
    }
    return false;
}

bool withinPixels(std::int64_t width, std::int64_t height, std::uint64_t maxPixels) {
    return width > 0 && height > 0 &&
           static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height) <= maxPixels;
}

// Decodes every pixel (so a truncated or corrupt file fails here) and encodes them
// again, without metadata.
bool encode(VipsImage* image, const MediaType& type, std::string& bytes) {
    void* buffer = nullptr;
    std::size_t length = 0;
    const int status = type.mime == kJpeg.mime
                           ? vips_jpegsave_buffer(image, &buffer, &length, "strip", TRUE, "Q",
                                                  kJpegQuality, nullptr)
                           : vips_pngsave_buffer(image, &buffer, &length, "strip", TRUE, nullptr);
    if (status != 0) return false;
    bytes.assign(static_cast<const char*>(buffer), length);
    g_free(buffer);
    return true;
}

CleanedImage refused(ImageVerdict verdict) {
    vips_error_clear();
    CleanedImage result;
    result.verdict = verdict;
    return result;
}

CleanedImage finish(VipsImage* image, const MediaType& type) {
    CleanedImage result;
    if (!encode(image, type, result.bytes)) return refused(ImageVerdict::Broken);
    result.verdict = ImageVerdict::Clean;
    result.type = type;
    result.width = vips_image_get_width(image);
    result.height = vips_image_get_height(image);
    return result;
}

CleanedImage cleanBmp(std::string_view bytes, std::uint64_t maxPixels) {
    const auto header = readBmpHeader(bytes);
    if (!header) return refused(ImageVerdict::Broken);
    if (!withinPixels(header->width, header->height, maxPixels)) {
        return refused(ImageVerdict::TooManyPixels);
    }
    const auto pixels = decodeBmp(bytes);
    if (!pixels) return refused(ImageVerdict::Broken);
    Image image;
    *image.out() = vips_image_new_from_memory(pixels->rgb.data(), pixels->rgb.size(), pixels->width,
                                              pixels->height, 3, VIPS_FORMAT_UCHAR);
    if (image.get() == nullptr) return refused(ImageVerdict::Broken);
    return finish(image.get(), kPng);
}

// A photo taken with the phone turned is stored turned, with an EXIF tag saying
// how to show it; the tag goes with the rest of the metadata, so the pixels are
// turned first. That needs the whole picture in memory (already capped in pixels).
CleanedImage cleanUpright(VipsImage* loaded, const MediaType& type) {
    int orientation = 1;
    if (vips_image_get_typeof(loaded, VIPS_META_ORIENTATION) == 0 ||
        vips_image_get_int(loaded, VIPS_META_ORIENTATION, &orientation) != 0 || orientation <= 1 ||
        orientation > 8) {
        return finish(loaded, type);
    }
    Image decoded;
    *decoded.out() = vips_image_copy_memory(loaded);
    if (decoded.get() == nullptr) return refused(ImageVerdict::Broken);
    Image upright;
    if (vips_autorot(decoded.get(), upright.out(), nullptr) != 0) {
        return refused(ImageVerdict::Broken);
    }
    return finish(upright.get(), type);
}

}  // namespace

CleanedImage cleanImage(std::string_view bytes, std::uint64_t maxPixels) {
    startVips();
    const auto sniffed = sniffImage(bytes);
    if (!sniffed) return refused(ImageVerdict::NotAnImage);
    if (sniffed->mime == "image/bmp") return cleanBmp(bytes, maxPixels);

    const Format format = sniffed->mime == kJpeg.mime  ? Format::Jpeg
                          : sniffed->mime == kPng.mime ? Format::Png
                                                       : Format::Gif;
    Image loaded;
    if (!loadHeader(format, bytes, loaded)) return refused(ImageVerdict::Broken);
    if (!withinPixels(vips_image_get_width(loaded.get()), vips_image_get_height(loaded.get()),
                      maxPixels)) {
        return refused(ImageVerdict::TooManyPixels);
    }
    return cleanUpright(loaded.get(), format == Format::Jpeg ? kJpeg : kPng);
}

}  // namespace mmx
