// SPDX-License-Identifier: Apache-2.0
//
// PP-OCRv3 text-line recogniser (converted for OpenCV 4.6): perspective rectification to the plate's true
// aspect, height 48 (width <= 320), (x/255 - 0.5)/0.5, zero-padded right to 320, CTC greedy decode.

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include "Boundary.hpp"

struct sv_text_recognizer {
    cv::dnn::Net net;
    /// Index 0 is the CTC blank; the dictionary's lines follow, then a space.
    std::vector<std::string> symbols;
};

namespace {

constexpr int kHeight = 48;
constexpr int kWidth = 320;

cv::Mat rectify(const cv::Mat &bgr, const float *corners, float aspect) {
    const cv::Point2f source[4] = {
        {corners[0], corners[1]}, {corners[2], corners[3]}, {corners[4], corners[5]}, {corners[6], corners[7]}};
    const int width = std::clamp(static_cast<int>(kHeight * aspect + 0.5f), 8, kWidth);
    const cv::Point2f target[4] = {{0, 0},
                                   {static_cast<float>(width), 0},
                                   {static_cast<float>(width), static_cast<float>(kHeight)},
                                   {0, static_cast<float>(kHeight)}};
    const cv::Mat transform = cv::getPerspectiveTransform(source, target);
    cv::Mat plate;
    cv::warpPerspective(bgr, plate, transform, cv::Size(width, kHeight), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return plate;
}

} // namespace

extern "C" {

int sv_text_recognizer_create(const char *model_path, const char *dictionary_path, sv_text_recognizer **out,
                              sv_status *status) {
    return sv::guard(status, SV_ERR_MODEL_LOAD, [&] {
        sv::require(model_path, "model_path");
        sv::require(dictionary_path, "dictionary_path");
        sv::require(out, "out");
        *out = nullptr;
        auto handle = std::make_unique<sv_text_recognizer>();
        std::ifstream file(dictionary_path);
        if (!file) {
            throw sv::Failure(SV_ERR_MODEL_LOAD, "character dictionary could not be read");
        }
        handle->symbols.emplace_back("");
        std::string line;
        while (std::getline(file, line)) {
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            handle->symbols.push_back(line);
        }
        handle->symbols.emplace_back(" ");
        handle->net = cv::dnn::readNetFromONNX(model_path);
        if (handle->net.empty()) {
            throw sv::Failure(SV_ERR_MODEL_LOAD, "text recogniser model did not load");
        }
        *out = handle.release();
    });
}

void sv_text_recognizer_destroy(sv_text_recognizer *recognizer) { delete recognizer; }

int sv_text_recognizer_read(sv_text_recognizer *recognizer, sv_image_view image, const float *corners, float aspect,
                            char *text, size_t capacity, float *confidence, sv_status *status) {
    return sv::guard(status, SV_ERR_INFERENCE, [&] {
        sv::require(recognizer, "recognizer");
        sv::require(corners, "corners");
        sv::require(text, "text");
        sv::require(confidence, "confidence");
        if (capacity == 0 || !(aspect > 0.2f && aspect < 20.0f)) {
            throw sv::Failure(SV_ERR_INVALID_ARGUMENT, "invalid capacity or aspect");
        }
        text[0] = '\0';
        *confidence = 0;
        const cv::Mat plate = rectify(sv::borrowBGR(image), corners, aspect);
        cv::Mat input(kHeight, kWidth, CV_32FC3, cv::Scalar(0, 0, 0));
        cv::Mat scaled;
        plate.convertTo(scaled, CV_32FC3, 1.0 / 127.5, -1.0);
        scaled.copyTo(input(cv::Rect(0, 0, plate.cols, plate.rows)));
        const cv::Mat blob = cv::dnn::blobFromImage(input, 1.0, cv::Size(), cv::Scalar(), false, false, CV_32F);
        recognizer->net.setInput(blob);
        cv::Mat output = recognizer->net.forward();
        if (output.dims != 3) {
            throw sv::Failure(SV_ERR_INFERENCE, "unexpected recogniser output shape");
        }
        const int steps = output.size[1];
        const int classes = output.size[2];
        const float *data = output.ptr<float>();
        std::string decoded;
        double sum = 0;
        int kept = 0;
        int previous = -1;
        for (int step = 0; step < steps; ++step) {
            const float *values = data + static_cast<size_t>(step) * classes;
            const int best = static_cast<int>(std::max_element(values, values + classes) - values);
            if (best != 0 && best != previous && best < static_cast<int>(recognizer->symbols.size())) {
                decoded += recognizer->symbols[best];
                sum += values[best];
                ++kept;
            }
            previous = best;
        }
        const size_t length = std::min(decoded.size(), capacity - 1);
        std::memcpy(text, decoded.data(), length);
        text[length] = '\0';
        *confidence = kept > 0 ? static_cast<float>(sum / kept) : 0.0f;
    });
}

} // extern "C"
