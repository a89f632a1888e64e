package chart

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"sellerdesk/app/chartscale"
)

// polyline is a series' line as one raster, drawn with vector geometry (chartscale.Polyline) at the
// screen's own pixels, so it is crisp at any scale: hundreds of points cost one object instead of hundreds
// of line objects.
func polyline(points []fyne.Position, col color.Color, width float32, size fyne.Size) *canvas.Raster {
	pts := append([]fyne.Position(nil), points...)
	r := canvas.NewRaster(func(w, h int) image.Image {
		if size.Width <= 0 || size.Height <= 0 {
			return image.NewNRGBA(image.Rect(0, 0, w, h))
		}
		sx, sy := float32(w)/size.Width, float32(h)/size.Height
		scaled := make([]chartscale.Point, len(pts))
		for i, p := range pts {
			scaled[i] = chartscale.Point{X: p.X * sx, Y: p.Y * sy}
		}
		return chartscale.Polyline(w, h, scaled, col, width*sx)
	})
	r.ScaleMode = canvas.ImageScaleSmooth
	r.Resize(size)
	r.Move(fyne.NewPos(0, 0))
	return r
}
