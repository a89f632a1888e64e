package chartscale

import (
	"image"
	"image/color"
	"math"

	"golang.org/x/image/vector"
)

// Point is a position in pixels.
type Point struct{ X, Y float32 }

// Polyline draws a line through pts, width pixels wide, into a new w × h image (transparent elsewhere):
// the chart widget's series, drawn at the screen's own pixels so they stay crisp at any scale.
func Polyline(w, h int, pts []Point, col color.Color, width float32) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	if len(pts) < 2 || w <= 0 || h <= 0 {
		return img
	}
	half := width / 2
	z := vector.NewRasterizer(w, h)
	for i := 1; i < len(pts); i++ {
		x1, y1, x2, y2 := pts[i-1].X, pts[i-1].Y, pts[i].X, pts[i].Y
		dx, dy := x2-x1, y2-y1
		l := float32(math.Hypot(float64(dx), float64(dy)))
		if l == 0 {
			continue
		}
		// a quad around the segment, lengthened by half the width at both ends so joins have no gaps; all
		// quads turn the same way, so where they overlap the coverage adds up instead of cancelling
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
}
