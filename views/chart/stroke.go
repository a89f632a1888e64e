package chart

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"golang.org/x/image/vector"
)

// polyline is a series' line as one raster, drawn with vector geometry at the screen's own pixels (so it is
// crisp at any scale): hundreds of points cost one object instead of hundreds of line objects.
func polyline(points []fyne.Position, col color.Color, width float32, size fyne.Size) *canvas.Raster {
	pts := append([]fyne.Position(nil), points...)
	r := canvas.NewRaster(func(w, h int) image.Image {
		img := image.NewNRGBA(image.Rect(0, 0, w, h))
		if len(pts) < 2 || size.Width <= 0 || size.Height <= 0 {
			return img
		}
		sx, sy := float32(w)/size.Width, float32(h)/size.Height
		half := width * sx / 2
		z := vector.NewRasterizer(w, h)
		for i := 1; i < len(pts); i++ {
			x1, y1 := pts[i-1].X*sx, pts[i-1].Y*sy
			x2, y2 := pts[i].X*sx, pts[i].Y*sy
			dx, dy := x2-x1, y2-y1
			l := float32(math.Hypot(float64(dx), float64(dy)))
			if l == 0 {
				continue
			}
			// a quad around the segment, lengthened by half the width at both ends so joins have no gaps
			ux, uy := dx/l*half, dy/l*half
			nx, ny := -uy, ux
			z.MoveTo(x1-ux+nx, y1-uy+ny)
			z.LineTo(x2+ux+nx, y2+uy+ny)
			z.LineTo(x2+ux-nx, y2+uy-ny)
			z.LineTo(x1-ux-nx, y1-uy-ny)
			z.ClosePath()
		}
		z.Draw(img, img.Bounds(), image.NewUniform(col), image.Point{})
		return img
	})
	r.ScaleMode = canvas.ImageScaleSmooth
	r.Resize(size)
	r.Move(fyne.NewPos(0, 0))
	return r
}
