// SPDX-License-Identifier: Apache-2.0
//
// HyperLPR's y5fu plate detector (box + 4 corners) through OpenCV DNN: centred letterbox with pad 114,
// RGB / 255; output rows [cx, cy, w, h, objectness, 8 corner coordinates, 2 layer scores].

#include <algorithm>
#include <array>
#include <vector>

#include <opencv2/dnn.hpp>

#include "Boundary.hpp"

struct sv_plate_detector {
    cv::dnn::Net net;
    int inputSize;
};

namespace {

/// Orders four points as top-left, top-right, bottom-right, bottom-left.
void orderCorners(float *corners) {
    std::array<cv::Point2f, 4> points;
    for (int index = 0; index < 4; ++index) {
        points[index] = cv::Point2f(corners[2 * index], corners[2 * index + 1]);
    }
    std::sort(points.begin(), points.end(), [](const cv::Point2f &a, const cv::Point2f &b) { return a.x < b.x; });
    cv::Point2f topLeft = points[0].y <= points[1].y ? points[0] : points[1];
    cv::Point2f bottomLeft = points[0].y <= points[1].y ? points[1] : points[0];
    cv::Point2f topRight = points[2].y <= points[3].y ? points[2] : points[3];
    cv::Point2f bottomRight = points[2].y <= points[3].y ? points[3] : points[2];
    const std::array<cv::Point2f, 4> ordered{topLeft, topRight, bottomRight, bottomLeft};
    for (int index = 0; index < 4; ++index) {
        corners[2 * index] = ordered[index].x;
        corners[2 * index + 1] = ordered[index].y;
    }
}

} // namespace

extern "C" {

int sv_plate_detector_create(const char *model_path, int input_size, sv_plate_detector **out, sv_status *status) {
    return sv::guard(status, SV_ERR_MODEL_LOAD, [&] {
        sv::require(model_path, "model_path");
        sv::require(out, "out");
        *out = nullptr;
        if (input_size < 32 || input_size % 32 != 0) {
            throw sv::Failure(SV_ERR_INVALID_ARGUMENT, "input size must be a positive multiple of 32");
        }
        auto handle = std::make_unique<sv_plate_detector>();
        handle->net = cv::dnn::readNetFromONNX(model_path);
        if (handle->net.empty()) {
            throw sv::Failure(SV_ERR_MODEL_LOAD, "plate detector model did not load");
        }
        handle->inputSize = input_size;
        *out = handle.release();
    });
}

void sv_plate_detector_destroy(sv_plate_detector *detector) { delete detector; }

int sv_plate_detector_detect(sv_plate_detector *detector, sv_image_view image, int roi_x, int roi_y, int roi_width,
                             int roi_height, float score_threshold, float nms_threshold, sv_plate **plates, int *count,
                             sv_status *status) {
    return sv::guard(status, SV_ERR_INFERENCE, [&] {
        sv::require(detector, "detector");
        sv::require(plates, "plates");
        sv::require(count, "count");
        *plates = nullptr;
        *count = 0;
        const cv::Mat full = sv::borrowBGR(image);
        cv::Rect region(0, 0, full.cols, full.rows);
        if (roi_width > 0 && roi_height > 0) {
            region &= cv::Rect(roi_x, roi_y, roi_width, roi_height);
            if (region.width < 8 || region.height < 8) {
                return;
            }
        }
        const cv::Mat bgr = full(region);
        const sv::Letterbox boxed = sv::letterbox(bgr, detector->inputSize, true);
        const cv::Mat blob =
            cv::dnn::blobFromImage(boxed.image, 1.0 / 255.0, cv::Size(), cv::Scalar(), true, false, CV_32F);
        detector->net.setInput(blob);
        cv::Mat output = detector->net.forward();
        if (output.dims != 3 || output.size[2] < 15) {
            throw sv::Failure(SV_ERR_INFERENCE, "unexpected plate detector output shape");
        }
        const int rows = output.size[1];
        const int width = output.size[2];
        const float *data = output.ptr<float>();
        std::vector<cv::Rect2d> boxes;
        std::vector<float> scores;
        std::vector<sv_plate> candidates;
        const auto toImageX = [&](float value) { return (value - boxed.left) / boxed.scale + region.x; };
        const auto toImageY = [&](float value) { return (value - boxed.top) / boxed.scale + region.y; };
        for (int row = 0; row < rows; ++row) {
            const float *values = data + static_cast<size_t>(row) * width;
            if (values[4] < score_threshold) {
                continue;
            }
            const float single = values[13] * values[4];
            const float doubled = values[14] * values[4];
            const float score = std::max(single, doubled);
            if (score < score_threshold) {
                continue;
            }
            sv_plate plate{};
            plate.x1 = toImageX(values[0] - values[2] / 2);
            plate.y1 = toImageY(values[1] - values[3] / 2);
            plate.x2 = toImageX(values[0] + values[2] / 2);
            plate.y2 = toImageY(values[1] + values[3] / 2);
            plate.score = score;
            for (int index = 0; index < 4; ++index) {
                plate.corners[2 * index] = toImageX(values[5 + 2 * index]);
                plate.corners[2 * index + 1] = toImageY(values[6 + 2 * index]);
            }
            orderCorners(plate.corners);
            plate.layers = doubled > single ? 1 : 0;
            boxes.emplace_back(plate.x1, plate.y1, plate.x2 - plate.x1, plate.y2 - plate.y1);
            scores.push_back(score);
            candidates.push_back(plate);
        }
        std::vector<int> kept;
        cv::dnn::NMSBoxes(boxes, scores, score_threshold, nms_threshold, kept);
        std::vector<sv_plate> found;
        for (const int index : kept) {
            found.push_back(candidates[index]);
        }
        *plates = sv::exportArray(found.data(), found.size());
        *count = static_cast<int>(found.size());
    });
}

} // extern "C"
