package catalog

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image"
	_ "image/gif" // decoders for the accepted picture formats
	"image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"

	"sellerdesk/app/apperr"
	"sellerdesk/data"
)

// ThumbSize is the longest side of a list thumbnail, in pixels.
const ThumbSize = 96

// AddImage copies a picture into the data folder (named by its content, so the same picture is stored
// once), makes a thumbnail beside it and appends it to the product.
func (s *Service) AddImage(ctx context.Context, productID int64, srcPath string) (Image, error) {
	raw, err := os.ReadFile(srcPath)
	if err != nil {
		e := apperr.New(apperr.ErrInvalid, "이미지 파일을 읽을 수 없습니다: {{.File}}", "File", filepath.Base(srcPath))
		e.Err = err
		return Image{}, e
	}
	img, kind, err := image.Decode(bytes.NewReader(raw))
	if err != nil {
		e := apperr.New(apperr.ErrInvalid, "'{{.File}}'은(는) PNG, JPEG, GIF 이미지가 아닙니다.", "File", filepath.Base(srcPath))
		e.Err = err
		return Image{}, e
	}
	sum := sha256.Sum256(raw)
	name := hex.EncodeToString(sum[:16])
	ext := map[string]string{"png": ".png", "jpeg": ".jpg", "gif": ".gif"}[kind]
	rel := filepath.Join("images", name[:2], name+ext)
	thumbRel := filepath.Join("images", name[:2], name+"_thumb.jpg")
	if err := os.MkdirAll(filepath.Join(s.dataDir, filepath.Dir(rel)), 0o700); err != nil {
		return Image{}, internal(err, "이미지 폴더를 만들지 못했습니다.")
	}
	if err := os.WriteFile(filepath.Join(s.dataDir, rel), raw, 0o600); err != nil {
		return Image{}, internal(err, "이미지를 저장하지 못했습니다.")
	}
	if err := writeThumb(filepath.Join(s.dataDir, thumbRel), img); err != nil {
		return Image{}, internal(err, "썸네일을 만들지 못했습니다.")
	}
	im := Image{File: filepath.ToSlash(rel), Thumb: filepath.ToSlash(thumbRel)}
	err = s.write(ctx, "이미지를", func(tx *data.Tx) error {
		// only a missing row is "not found"; a store that failed to answer is a fault, said as one
		if _, err := data.ProductByID(ctx, tx, productID); errors.Is(err, data.ErrNoRow) {
			return notFound("상품을 찾을 수 없습니다.")
		} else if err != nil {
			return err
		}
		id, err := data.AddImageTx(ctx, tx, data.ImageRecord{ProductID: productID, File: im.File, Thumb: im.Thumb})
		im.ID = id
		if err != nil {
			return err
		}
		return refreshTx(ctx, tx, productID)
	})
	return im, err
}

func writeThumb(path string, img image.Image) error {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w == 0 || h == 0 {
		return errors.New("empty image")
	}
	if w >= h {
		w, h = ThumbSize, max(1, h*ThumbSize/w)
	} else {
		w, h = max(1, w*ThumbSize/h), ThumbSize
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src) // transparent pictures on white
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Over, nil)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := jpeg.Encode(f, dst, &jpeg.Options{Quality: 85}); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// RemoveImage takes a picture off its product, deleting the files when no product uses them any more.
func (s *Service) RemoveImage(ctx context.Context, imageID int64) error {
	var im data.ImageRecord
	err := s.write(ctx, "이미지를", func(tx *data.Tx) error {
		var err error
		im, err = data.DeleteImageTx(ctx, tx, imageID)
		if errors.Is(err, data.ErrNoRow) {
			return notFound("이미지를 찾을 수 없습니다.")
		}
		if err != nil {
			return err
		}
		return refreshTx(ctx, tx, im.ProductID)
	})
	if err == nil {
		s.removeUnusedFiles(ctx, []string{im.File, im.Thumb})
	}
	return err
}

func (s *Service) removeUnusedFiles(ctx context.Context, files []string) {
	for _, f := range files {
		used, err := data.ImageFileUsed(ctx, s.store.Read(), f)
		if err != nil || used {
			continue
		}
		if err := os.Remove(filepath.Join(s.dataDir, filepath.FromSlash(f))); err != nil && !os.IsNotExist(err) {
			s.log.Warn("remove image file", "file", f, "err", err)
		}
	}
}
