//! A review photo as it arrives: checked by its content (JPEG, PNG or WebP, whatever the
//! browser said the type was), its size, and its pixel dimensions read from the header
//! alone, so an oversized or disguised file is refused before anything decodes it.
//! JPEG photos lose their EXIF block (a phone's camera writes where the picture was
//! taken there); the orientation it held is kept, so the photo still stands upright.

use domain::Refusal;

/// Photos per review.
pub const MAX_PHOTOS: usize = 3;
/// The largest photo, in bytes.
pub const MAX_PHOTO_BYTES: usize = 10 * 1024 * 1024;
/// The widest or tallest photo, in pixels.
pub const MAX_PHOTO_PIXELS: usize = 8000;

/// A file from the review form. `size` is what arrived; `bytes` holds at most
/// [`MAX_PHOTO_BYTES`] + 1 of it (the reader stops keeping bytes past the limit).
#[derive(Clone, Debug, Default)]
pub struct PhotoUpload {
    pub bytes: Vec<u8>,
    pub size: usize,
}

impl PhotoUpload {
    pub fn new(bytes: Vec<u8>) -> Self {
        PhotoUpload {
            size: bytes.len(),
            bytes,
        }
    }
}

/// A photo that passed: the bytes to store and their file extension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Photo {
    pub bytes: Vec<u8>,
    pub extension: &'static str,
}

/// Checks one upload.
pub fn inspect(upload: &PhotoUpload) -> Result<Photo, Refusal> {
    if upload.size > MAX_PHOTO_BYTES {
        return Err(Refusal::PhotoTooLarge {
            max_mb: (MAX_PHOTO_BYTES / (1024 * 1024)) as u32,
        });
    }
    use imagesize::ImageType;
    let extension = match imagesize::image_type(&upload.bytes) {
        Ok(ImageType::Jpeg) => "jpg",
        Ok(ImageType::Png) => "png",
        Ok(ImageType::Webp) => "webp",
        _ => return Err(Refusal::PhotoNotImage),
    };
    let size = imagesize::blob_size(&upload.bytes).map_err(|_| Refusal::PhotoNotImage)?;
    if size.width == 0 || size.height == 0 {
        return Err(Refusal::PhotoNotImage);
    }
    if size.width > MAX_PHOTO_PIXELS || size.height > MAX_PHOTO_PIXELS {
        return Err(Refusal::PhotoDimensions {
            max_px: MAX_PHOTO_PIXELS as u32,
        });
    }
    let bytes = if extension == "jpg" {
        without_exif(&upload.bytes).ok_or(Refusal::PhotoNotImage)?
    } else {
        upload.bytes.clone()
    };
    Ok(Photo { bytes, extension })
}

/// The JPEG without its APP1 segments (EXIF, XMP), with a minimal EXIF block carrying only
/// the orientation when the original had one. `None` when the segments do not parse.
fn without_exif(jpeg: &[u8]) -> Option<Vec<u8>> {
    if jpeg.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut kept = Vec::with_capacity(jpeg.len());
    let mut at = 2;
    let mut orientation = None;
    loop {
        if *jpeg.get(at)? != 0xFF {
            return None;
        }
        let marker = *jpeg.get(at + 1)?;
        // Start of scan: the compressed picture (and everything after it) is kept as is.
        if marker == 0xDA {
            kept.extend_from_slice(&jpeg[at..]);
            break;
        }
        let length = usize::from(u16::from_be_bytes([*jpeg.get(at + 2)?, *jpeg.get(at + 3)?]));
        let segment = jpeg.get(at..at + 2 + length)?;
        if marker == 0xE1 {
            orientation = orientation.or_else(|| exif_orientation(&segment[4..]));
        } else {
            kept.extend_from_slice(segment);
        }
        at += 2 + length;
    }
    // The EXIF block goes right after the start of the image, where readers look for it.
    let exif = orientation.map(orientation_segment).unwrap_or_default();
    Some([&jpeg[..2], exif.as_slice(), kept.as_slice()].concat())
}

/// The orientation tag (0x0112) of an APP1 payload starting `Exif\0\0`.
fn exif_orientation(payload: &[u8]) -> Option<u16> {
    let tiff = payload.strip_prefix(b"Exif\0\0")?;
    let big_endian = match tiff.get(..2)? {
        b"MM" => true,
        b"II" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let bytes = [*tiff.get(at)?, *tiff.get(at + 1)?];
        Some(if big_endian {
            u16::from_be_bytes(bytes)
        } else {
            u16::from_le_bytes(bytes)
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let bytes = [
            *tiff.get(at)?,
            *tiff.get(at + 1)?,
            *tiff.get(at + 2)?,
            *tiff.get(at + 3)?,
        ];
        Some(if big_endian {
            u32::from_be_bytes(bytes)
        } else {
            u32::from_le_bytes(bytes)
        })
    };
    let ifd = u32_at(4)? as usize;
    let entries = u16_at(ifd)? as usize;
    (0..entries.min(64))
        .map(|index| ifd + 2 + index * 12)
        .find(|entry| u16_at(*entry) == Some(0x0112))
        .and_then(|entry| u16_at(entry + 8))
        .filter(|value| (1..=8).contains(value))
}

/// An APP1 segment holding a big-endian EXIF block with one entry: the orientation.
fn orientation_segment(value: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\0\x2A\0\0\0\x08"); // header, IFD0 at offset 8
    tiff.extend_from_slice(&1u16.to_be_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_be_bytes()); // orientation
    tiff.extend_from_slice(&3u16.to_be_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_be_bytes()); // one value
    tiff.extend_from_slice(&value.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]); // padding to four bytes
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    let payload = [b"Exif\0\0".as_slice(), &tiff].concat();
    let length = (payload.len() + 2) as u16;
    [&[0xFF, 0xE1], length.to_be_bytes().as_slice(), &payload].concat()
}

/// Test pictures: valid headers of any size, for tests here and over HTTP.
pub mod samples {
    /// A PNG header (signature and IHDR) declaring `width` × `height`, then an empty
    /// IEND: enough for every check made on upload.
    pub fn png(width: u32, height: u32) -> Vec<u8> {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend_from_slice(&13u32.to_be_bytes());
        png.extend_from_slice(b"IHDR");
        png.extend_from_slice(&width.to_be_bytes());
        png.extend_from_slice(&height.to_be_bytes());
        png.extend_from_slice(&[8, 6, 0, 0, 0]);
        png.extend_from_slice(&[0, 0, 0, 0]); // CRC (not checked)
        png.extend_from_slice(&0u32.to_be_bytes());
        png.extend_from_slice(b"IEND");
        png.extend_from_slice(&[0xAE, 0x42, 0x60, 0x82]);
        png
    }

    /// A JPEG of `width` × `height` with an EXIF block holding a GPS marker string and
    /// the orientation `orientation`.
    pub fn jpeg_with_exif(width: u16, height: u16, orientation: u16) -> Vec<u8> {
        let mut tiff = b"II\x2A\0\x08\0\0\0".to_vec();
        tiff.extend_from_slice(&1u16.to_le_bytes());
        tiff.extend_from_slice(&0x0112u16.to_le_bytes());
        tiff.extend_from_slice(&3u16.to_le_bytes());
        tiff.extend_from_slice(&1u32.to_le_bytes());
        tiff.extend_from_slice(&orientation.to_le_bytes());
        tiff.extend_from_slice(&[0, 0]);
        tiff.extend_from_slice(&0u32.to_le_bytes());
        tiff.extend_from_slice(b"GPS 51.5074N 0.1278W");
        let payload = [b"Exif\0\0".as_slice(), &tiff].concat();
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend_from_slice(&[0xFF, 0xE1]);
        jpeg.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        jpeg.extend_from_slice(&payload);
        // A baseline frame header: precision, height, width, one component.
        jpeg.extend_from_slice(&[0xFF, 0xC0, 0, 11, 8]);
        jpeg.extend_from_slice(&height.to_be_bytes());
        jpeg.extend_from_slice(&width.to_be_bytes());
        jpeg.extend_from_slice(&[1, 1, 0x11, 0]);
        // Start of scan, a little data, end of image.
        jpeg.extend_from_slice(&[0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0x12, 0x34]);
        jpeg.extend_from_slice(&[0xFF, 0xD9]);
        jpeg
    }
}

#[cfg(test)]
mod tests {
    use super::samples::{jpeg_with_exif, png};
    use super::*;

    #[test]
    fn pictures_pass_by_their_content() {
        let photo = inspect(&PhotoUpload::new(png(1200, 1600))).unwrap();
        assert_eq!(photo.extension, "png");
        let photo = inspect(&PhotoUpload::new(jpeg_with_exif(800, 600, 6))).unwrap();
        assert_eq!(photo.extension, "jpg");
    }

    #[test]
    fn what_is_not_a_picture_is_refused() {
        for bytes in [
            b"%PDF-1.7 not a photo".to_vec(),
            b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
            Vec::new(),
            b"\x89PNG\r\n\x1a\n".to_vec(),
        ] {
            assert_eq!(
                inspect(&PhotoUpload::new(bytes)),
                Err(Refusal::PhotoNotImage)
            );
        }
    }

    #[test]
    fn large_files_and_huge_dimensions_are_refused() {
        let upload = PhotoUpload {
            bytes: png(100, 100),
            size: 20 * 1024 * 1024,
        };
        assert_eq!(inspect(&upload), Err(Refusal::PhotoTooLarge { max_mb: 10 }));
        for (width, height) in [(20_000, 1000), (1000, 20_000)] {
            assert_eq!(
                inspect(&PhotoUpload::new(png(width, height))),
                Err(Refusal::PhotoDimensions { max_px: 8000 })
            );
        }
    }

    #[test]
    fn a_jpeg_keeps_its_orientation_and_loses_the_rest_of_its_exif() {
        let original = jpeg_with_exif(800, 600, 6);
        let photo = inspect(&PhotoUpload::new(original.clone())).unwrap();
        let contains = |haystack: &[u8], needle: &[u8]| {
            haystack
                .windows(needle.len())
                .any(|window| window == needle)
        };
        assert!(contains(&original, b"GPS"));
        assert!(!contains(&photo.bytes, b"GPS"));
        let app1 = photo
            .bytes
            .windows(2)
            .position(|pair| pair == [0xFF, 0xE1])
            .expect("an EXIF block");
        assert_eq!(exif_orientation(&photo.bytes[app1 + 4..]), Some(6));
        let size = imagesize::blob_size(&photo.bytes).unwrap();
        assert_eq!((size.width, size.height), (800, 600));
        assert!(photo.bytes.ends_with(&[0x12, 0x34, 0xFF, 0xD9]));
    }
}
