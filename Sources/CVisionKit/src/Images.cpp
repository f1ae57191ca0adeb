// SPDX-License-Identifier: Apache-2.0

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "Boundary.hpp"

namespace sv {

void exportImage(const cv::Mat &mat, sv_image *out) {
    cv::Mat source = mat.isContinuous() ? mat : mat.clone();
    const size_t bytes = source.total() * source.elemSize();
    void *memory = std::malloc(bytes);
    if (memory == nullptr) {
        throw std::bad_alloc();
    }
    std::memcpy(memory, source.data, bytes);
    out->data = static_cast<uint8_t *>(memory);
    out->width = source.cols;
    out->height = source.rows;
    out->channels = source.channels();
    out->stride = static_cast<int>(source.step[0]);
}

Letterbox letterbox(const cv::Mat &image, int size, bool centred) {
    const float scale = std::min(static_cast<float>(size) / image.rows, static_cast<float>(size) / image.cols);
    const int width = std::max(1, static_cast<int>(image.cols * scale));
    const int height = std::max(1, static_cast<int>(image.rows * scale));
    const int left = centred ? (size - width) / 2 : 0;
    const int top = centred ? (size - height) / 2 : 0;
    cv::Mat canvas(size, size, CV_8UC3, cv::Scalar(114, 114, 114));
    cv::Mat resized;
    cv::resize(image, resized, cv::Size(width, height), 0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    resized.copyTo(canvas(cv::Rect(left, top, width, height)));
    return Letterbox{canvas, scale, left, top};
}

} // namespace sv

extern "C" {

void sv_buffer_free(void *buffer) { std::free(buffer); }

int sv_configure_threads(int threads) {
    static std::once_flag once;
    std::call_once(once, [threads] {
        try {
            if (threads > 0) {
                cv::setNumThreads(threads);
            }
        } catch (...) {
            // Keep OpenCV's default when it refuses.
        }
    });
    try {
        return cv::getNumThreads();
    } catch (...) {
        return 1;
    }
}

int sv_image_decode(const uint8_t *bytes, size_t length, sv_image *out, sv_status *status) {
    return sv::guard(status, SV_ERR_DECODE, [&] {
        sv::require(bytes, "bytes");
        sv::require(out, "out");
        if (length == 0) {
            throw sv::Failure(SV_ERR_DECODE, "empty image data");
        }
        const cv::Mat encoded(1, static_cast<int>(length), CV_8UC1, const_cast<uint8_t *>(bytes));
        cv::Mat image = cv::imdecode(encoded, cv::IMREAD_COLOR);
        if (image.empty()) {
            throw sv::Failure(SV_ERR_DECODE, "not a decodable image");
        }
        sv::exportImage(image, out);
    });
}

int sv_image_resize(sv_image_view image, int width, int height, sv_image *out, sv_status *status) {
    return sv::guard(status, SV_ERR_INTERNAL, [&] {
        sv::require(out, "out");
        cv::Mat source = sv::borrow(image);
        if (width <= 0 || height <= 0) {
            throw sv::Failure(SV_ERR_INVALID_ARGUMENT, "invalid target size");
        }
        const bool shrinking = width < source.cols || height < source.rows;
        cv::Mat resized;
        cv::resize(source, resized, cv::Size(width, height), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
        sv::exportImage(resized, out);
    });
}

int sv_image_encode_jpeg(sv_image_view image, int quality, uint8_t **out, size_t *length, sv_status *status) {
    return sv::guard(status, SV_ERR_INTERNAL, [&] {
        sv::require(out, "out");
        sv::require(length, "length");
        cv::Mat source = sv::borrow(image);
        std::vector<uint8_t> bytes;
        const std::vector<int> parameters{cv::IMWRITE_JPEG_QUALITY, std::clamp(quality, 1, 100)};
        if (!cv::imencode(".jpg", source, bytes, parameters)) {
            throw sv::Failure(SV_ERR_INTERNAL, "JPEG encoding failed");
        }
        *out = sv::exportArray(bytes.data(), bytes.size());
        *length = bytes.size();
    });
}

} // extern "C"
