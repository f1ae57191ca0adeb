// SPDX-License-Identifier: Apache-2.0
//
// YOLOX-Nano (COCO) through OpenCV DNN: BGR letterbox at the top-left with pad 114, no normalisation,
// grid/stride decode (8, 16, 32), per-class NMS by offsetting boxes (OpenCV 4.6 has no NMSBoxesBatched).

#include <cmath>
#include <vector>

#include <opencv2/dnn.hpp>

#include "Boundary.hpp"

struct sv_object_detector {
    cv::dnn::Net net;
    int inputSize;
};

extern "C" {

int sv_object_detector_create(const char *model_path, int input_size, sv_object_detector **out, sv_status *status) {
    return sv::guard(status, SV_ERR_MODEL_LOAD, [&] {
        sv::require(model_path, "model_path");
        sv::require(out, "out");
        *out = nullptr;
        if (input_size < 32 || input_size % 32 != 0) {
            throw sv::Failure(SV_ERR_INVALID_ARGUMENT, "input size must be a positive multiple of 32");
        }
        auto handle = std::make_unique<sv_object_detector>();
        handle->net = cv::dnn::readNetFromONNX(model_path);
        if (handle->net.empty()) {
            throw sv::Failure(SV_ERR_MODEL_LOAD, "object detector model did not load");
        }
        handle->inputSize = input_size;
        *out = handle.release();
    });
}

void sv_object_detector_destroy(sv_object_detector *detector) { delete detector; }

int sv_object_detector_detect(sv_object_detector *detector, sv_image_view image, float score_threshold,
                              float nms_threshold, const uint8_t *class_mask, sv_object **objects, int *count,
                              sv_status *status) {
    return sv::guard(status, SV_ERR_INFERENCE, [&] {
        sv::require(detector, "detector");
        sv::require(objects, "objects");
        sv::require(count, "count");
        *objects = nullptr;
        *count = 0;
        const cv::Mat bgr = sv::borrowBGR(image);
        const int size = detector->inputSize;
        const sv::Letterbox boxed = sv::letterbox(bgr, size, false);
        const cv::Mat blob = cv::dnn::blobFromImage(boxed.image, 1.0, cv::Size(), cv::Scalar(), false, false, CV_32F);
        detector->net.setInput(blob);
        cv::Mat output = detector->net.forward();
        if (output.dims != 3 || output.size[2] < 6) {
            throw sv::Failure(SV_ERR_INFERENCE, "unexpected YOLOX output shape");
        }
        const int rows = output.size[1];
        const int width = output.size[2];
        const int classes = width - 5;
        const float *data = output.ptr<float>();

        std::vector<cv::Rect2d> boxes;
        std::vector<cv::Rect2d> shifted;
        std::vector<float> scores;
        std::vector<int> classIDs;
        int row = 0;
        for (const int stride : {8, 16, 32}) {
            const int cells = size / stride;
            for (int gy = 0; gy < cells; ++gy) {
                for (int gx = 0; gx < cells && row < rows; ++gx, ++row) {
                    const float *values = data + static_cast<size_t>(row) * width;
                    int best = 0;
                    for (int index = 1; index < classes; ++index) {
                        if (values[5 + index] > values[5 + best]) {
                            best = index;
                        }
                    }
                    const float score = values[4] * values[5 + best];
                    if (score < score_threshold || (class_mask != nullptr && (best >= 80 || !class_mask[best]))) {
                        continue;
                    }
                    const float cx = (values[0] + gx) * stride;
                    const float cy = (values[1] + gy) * stride;
                    const float w = std::exp(values[2]) * stride;
                    const float h = std::exp(values[3]) * stride;
                    const cv::Rect2d box((cx - w / 2) / boxed.scale, (cy - h / 2) / boxed.scale, w / boxed.scale,
                                         h / boxed.scale);
                    boxes.push_back(box);
                    // Offsetting each class far apart makes one NMS pass behave per class.
                    const double offset = best * 8192.0;
                    shifted.emplace_back(box.x + offset, box.y + offset, box.width, box.height);
                    scores.push_back(score);
                    classIDs.push_back(best);
                }
            }
        }
        std::vector<int> kept;
        cv::dnn::NMSBoxes(shifted, scores, score_threshold, nms_threshold, kept);
        std::vector<sv_object> found;
        for (const int index : kept) {
            const cv::Rect2d &box = boxes[index];
            sv_object object{};
            object.class_id = classIDs[index];
            object.score = scores[index];
            object.x1 = static_cast<float>(std::max(0.0, box.x));
            object.y1 = static_cast<float>(std::max(0.0, box.y));
            object.x2 = static_cast<float>(std::min<double>(bgr.cols, box.x + box.width));
            object.y2 = static_cast<float>(std::min<double>(bgr.rows, box.y + box.height));
            found.push_back(object);
        }
        *objects = sv::exportArray(found.data(), found.size());
        *count = static_cast<int>(found.size());
    });
}

} // extern "C"
