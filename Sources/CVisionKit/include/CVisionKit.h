// SPDX-License-Identifier: Apache-2.0
//
// CVisionKit: a C boundary over OpenCV 4.6 (DNN, imgproc, imgcodecs, objdetect) and dlib 19.24.
//
// Rules of this boundary:
// - Every function returns an sv_code and never lets a C++ exception escape; on failure it fills
//   the caller's sv_status with the code and a short message (no paths, no stack traces).
// - Each handle owns its own network. A handle must be used by one thread at a time; different
//   handles may be used from different threads concurrently.
// - Buffers returned by the library are freed with sv_buffer_free.
// - Images are passed as sv_image_view: 8-bit BGR (3 channels) or grey (1 channel), row-major,
//   with an explicit row stride in bytes. The library never keeps the pointer after a call.

#ifndef CVISIONKIT_H
#define CVISIONKIT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Result codes of every sv_ function.
typedef enum sv_code {
    SV_OK = 0,
    SV_ERR_INVALID_ARGUMENT = 1,
    SV_ERR_MODEL_LOAD = 2,
    SV_ERR_DECODE = 3,
    SV_ERR_INFERENCE = 4,
    SV_ERR_OUT_OF_MEMORY = 5,
    SV_ERR_INTERNAL = 6,
} sv_code;

/// Filled on failure with the code and a NUL-terminated message.
typedef struct sv_status {
    int code;
    char message[256];
} sv_status;

/// A borrowed image: BGR (channels 3) or grey (channels 1).
typedef struct sv_image_view {
    const uint8_t *data;
    int width;
    int height;
    int channels;
    int stride;
} sv_image_view;

/// An image allocated by the library; free `data` with sv_buffer_free.
typedef struct sv_image {
    uint8_t *data;
    int width;
    int height;
    int channels;
    int stride;
} sv_image;

/// Frees a buffer the library returned (NULL is ignored).
void sv_buffer_free(void *buffer);

/// Sets OpenCV's thread count once per process (later calls are ignored); returns the count in use.
int sv_configure_threads(int threads);

// MARK: - Images

/// Decodes a JPEG/PNG/... file held in memory into 8-bit BGR.
int sv_image_decode(const uint8_t *bytes, size_t length, sv_image *out, sv_status *status);

/// Resizes to width x height (area interpolation when shrinking, linear otherwise).
int sv_image_resize(sv_image_view image, int width, int height, sv_image *out, sv_status *status);

/// Encodes a BGR or grey image as JPEG with the given quality; `out` receives the bytes.
int sv_image_encode_jpeg(sv_image_view image, int quality, uint8_t **out, size_t *length, sv_status *status);

// MARK: - Faces

typedef struct sv_face_detector sv_face_detector;

/// One face from YuNet: box, score and five landmarks (right eye, left eye, nose, mouth corners) as x,y pairs.
typedef struct sv_face {
    float x, y, width, height;
    float score;
    float landmarks[10];
} sv_face;

/// Loads YuNet from an ONNX file.
int sv_face_detector_create(const char *model_path, float score_threshold, float nms_threshold,
                            sv_face_detector **out, sv_status *status);
void sv_face_detector_destroy(sv_face_detector *detector);
/// Detects faces; `*faces` (free with sv_buffer_free) receives `*count` entries.
int sv_face_detector_detect(sv_face_detector *detector, sv_image_view image, sv_face **faces, int *count,
                            sv_status *status);

typedef struct sv_face_embedder sv_face_embedder;

/// Loads dlib's 5-point shape predictor and the 128-d ResNet.
int sv_face_embedder_create(const char *shape_predictor_path, const char *resnet_path, sv_face_embedder **out,
                            sv_status *status);
void sv_face_embedder_destroy(sv_face_embedder *embedder);
/// Aligns the face in the box with a 5-point chip (150 px, padding 0.25) and writes 128 floats to `descriptor`.
int sv_face_embedder_embed(sv_face_embedder *embedder, sv_image_view image, float x, float y, float width,
                           float height, float *descriptor, sv_status *status);

// MARK: - Objects (YOLOX)

typedef struct sv_object_detector sv_object_detector;

/// One detection: a COCO class index, its score and a box in image pixels.
typedef struct sv_object {
    int class_id;
    float score;
    float x1, y1, x2, y2;
} sv_object;

int sv_object_detector_create(const char *model_path, int input_size, sv_object_detector **out, sv_status *status);
void sv_object_detector_destroy(sv_object_detector *detector);
/// Runs YOLOX; keeps classes whose flag in `class_mask` (80 entries, NULL = all) is non-zero; per-class NMS.
int sv_object_detector_detect(sv_object_detector *detector, sv_image_view image, float score_threshold,
                              float nms_threshold, const uint8_t *class_mask, sv_object **objects, int *count,
                              sv_status *status);

// MARK: - Plates

typedef struct sv_plate_detector sv_plate_detector;

/// One plate: box, score, four corners (top-left, top-right, bottom-right, bottom-left) and layer class (0 one row, 1 two rows).
typedef struct sv_plate {
    float x1, y1, x2, y2;
    float score;
    float corners[8];
    int layers;
} sv_plate;

int sv_plate_detector_create(const char *model_path, int input_size, sv_plate_detector **out, sv_status *status);
void sv_plate_detector_destroy(sv_plate_detector *detector);
/// Detects plates in the image, or only inside the region x,y,w,h when w and h are positive; results are in image pixels.
int sv_plate_detector_detect(sv_plate_detector *detector, sv_image_view image, int roi_x, int roi_y, int roi_width,
                             int roi_height, float score_threshold, float nms_threshold, sv_plate **plates, int *count,
                             sv_status *status);

typedef struct sv_text_recognizer sv_text_recognizer;

/// Loads the PP-OCRv3 recogniser and its character list (one character per line; index 0 is the CTC blank).
int sv_text_recognizer_create(const char *model_path, const char *dictionary_path, sv_text_recognizer **out,
                              sv_status *status);
void sv_text_recognizer_destroy(sv_text_recognizer *recognizer);
/// Rectifies the quadrilateral `corners` (TL, TR, BR, BL) to `aspect`:1 and reads it. `text` receives UTF-8
/// (NUL-terminated, up to capacity-1 bytes); `confidence` is the mean probability of the kept characters.
int sv_text_recognizer_read(sv_text_recognizer *recognizer, sv_image_view image, const float *corners, float aspect,
                            char *text, size_t capacity, float *confidence, sv_status *status);

// MARK: - Motion

typedef struct sv_motion_detector sv_motion_detector;

/// A motion box in the pixels of the image given to sv_motion_detector_update.
typedef struct sv_motion_box {
    int x, y, width, height;
    float area;
} sv_motion_box;

/// `alpha`: running-average weight; `threshold`: grey-level difference; `min_area`: smallest contour area in
/// pixels; `recalibrate_fraction`: changed fraction of the frame above which the background is reset.
int sv_motion_detector_create(float alpha, int threshold, float min_area, float recalibrate_fraction,
                              sv_motion_detector **out, sv_status *status);
void sv_motion_detector_destroy(sv_motion_detector *detector);
/// Feeds a grey or BGR frame; returns boxes, the changed fraction, and whether the background was reset.
int sv_motion_detector_update(sv_motion_detector *detector, sv_image_view image, sv_motion_box **boxes, int *count,
                              float *changed_fraction, int *recalibrated, sv_status *status);

// MARK: - Synthetic plates (test and benchmark support)

/// Draws `text` on a white plate with a black border using Hershey font `font` (0-7) and stroke `thickness`,
/// warps it onto `background` at `quad` (TL, TR, BR, BL), blurs with a Gaussian `blur_sigma` (0 = none) and,
/// when `jpeg_quality` is 1-100, passes the result through JPEG. `out` is BGR at the background's size.
int sv_synth_plate(sv_image_view background, const char *text, int font, int thickness, const float *quad,
                   float blur_sigma, int jpeg_quality, sv_image *out, sv_status *status);

#ifdef __cplusplus
}
#endif

#endif
